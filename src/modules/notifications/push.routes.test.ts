import { createECDH, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { createBrowserKeys } from '../../../test/helpers/push-browser.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { vapidDetails } from './vapid.service.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const fcmEndpoint = () => `https://fcm.googleapis.com/fcm/send/${randomBytes(16).toString('base64url')}`
const subscription = (endpoint = fcmEndpoint()) => ({
  endpoint,
  expirationTime: null,
  keys: createBrowserKeys().json,
})

describe('the VAPID key', () => {
  it('is public, generated once and kept sealed in the database', async () => {
    const res = await call('GET', '/api/v1/push/vapid-public-key')
    expect(res.statusCode).toBe(200)
    const { publicKey } = res.json() as { publicKey: string }
    const raw = Buffer.from(publicKey, 'base64url')
    expect(raw).toHaveLength(65)
    expect(raw[0]).toBe(0x04)
    expect((await call('GET', '/api/v1/push/vapid-public-key')).json().publicKey).toBe(publicKey)

    const row = await rt.ctx.db.selectFrom('push_vapid_keys').selectAll().executeTakeFirstOrThrow()
    expect(row.public_key).toBe(publicKey)
    expect(row.private_key_sealed).toMatch(/^v1:/)
    // A new process on the same database (here: a fresh context) signs with the same pair.
    const again = await vapidDetails({ ...rt.ctx })
    expect(again.publicKey).toBe(publicKey)
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(Buffer.from(again.privateKey, 'base64url'))
    expect(ecdh.getPublicKey('base64url')).toBe(publicKey)
  })

  it('comes from the configuration when set there, and a bad pair stops the start', () => {
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    // Node drops a private key's leading zero bytes (1 key in 256): put them back, not base64 digits.
    const raw = ecdh.getPrivateKey()
    const pair = {
      VAPID_PUBLIC_KEY: ecdh.getPublicKey('base64url'),
      VAPID_PRIVATE_KEY: Buffer.concat([Buffer.alloc(32 - raw.length), raw]).toString('base64url'),
    }
    const config = loadConfig({ ...pair, VAPID_SUBJECT: 'https://consular.example' })
    expect(config.push.vapidKeys).toEqual({
      publicKey: pair.VAPID_PUBLIC_KEY,
      privateKey: pair.VAPID_PRIVATE_KEY,
    })
    expect(config.push.vapidSubject).toBe('https://consular.example')
    const other = createECDH('prime256v1')
    other.generateKeys()
    expect(() => loadConfig({ ...pair, VAPID_PUBLIC_KEY: other.getPublicKey('base64url') })).toThrow(
      /VAPID_PUBLIC_KEY is not the public half/,
    )
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.VAPID_PUBLIC_KEY })).toThrow(ConfigError)
    expect(() => loadConfig({ VAPID_SUBJECT: 'ops@example.org' })).toThrow(/VAPID_SUBJECT/)
    expect(() => loadConfig({ PUSH_CA_FILE: '/nonexistent/ca.pem' })).toThrow(/PUSH_CA_FILE/)
  })
})

describe('push subscriptions', () => {
  it('requires a signed-in person', async () => {
    expectProblem(await call('GET', '/api/v1/me/push-subscriptions'), 401, 'auth.unauthenticated')
    expectProblem(
      await call('POST', '/api/v1/me/push-subscriptions', undefined, subscription()),
      401,
      'auth.unauthenticated',
    )
    expectProblem(
      await call('DELETE', `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(fcmEndpoint())}`),
      401,
      'auth.unauthenticated',
    )
  })

  it('stores the browser’s subscription, updates it when posted again, and lists it without its keys', async () => {
    const me = await registerCitizen(rt.app)
    const sub = subscription()
    const created = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      headers: { cookie: me.cookie, 'user-agent': 'Mozilla/5.0 (Android 15) Chrome/140' },
      payload: sub,
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({
      endpoint: sub.endpoint,
      label: null,
      userAgent: 'Mozilla/5.0 (Android 15) Chrome/140',
      lastSuccessAt: null,
      failureCount: 0,
    })
    const again = await call('POST', '/api/v1/me/push-subscriptions', me.cookie, {
      ...sub,
      label: 'My phone',
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ id: created.json().id, label: 'My phone' })

    const list = (await call('GET', '/api/v1/me/push-subscriptions', me.cookie)).json()
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id: created.json().id, endpoint: sub.endpoint, label: 'My phone' })
    expect(JSON.stringify(list)).not.toContain(sub.keys.auth)
  })

  it('refuses what is not a usable subscription, with a stable code', async () => {
    const me = await registerCitizen(rt.app)
    const post = (body: object) => call('POST', '/api/v1/me/push-subscriptions', me.cookie, body)
    const good = subscription()
    const invalid = [
      { ...good, endpoint: 'http://fcm.googleapis.com/fcm/send/x' },
      { ...good, endpoint: 'not a url' },
      { ...good, endpoint: 'https://user:pw@fcm.googleapis.com/fcm/send/x' },
      { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } },
      { ...good, keys: { ...good.keys, p256dh: Buffer.alloc(65, 4).toString('base64url') } },
      { ...good, keys: { ...good.keys, p256dh: `${good.keys.p256dh.slice(0, -2)}!!` } },
      { ...good, keys: { ...good.keys, auth: randomBytes(8).toString('base64url') } },
    ]
    for (const body of invalid) expectProblem(await post(body), 400, 'push.subscription_invalid')
    const bad = await post({ ...good, keys: { ...good.keys, auth: 'AAAA' } })
    expect(bad.json().errors).toEqual([{ path: 'keys.auth', message: 'must decode to 16 bytes' }])
    expectProblem(
      await post({ ...good, endpoint: 'https://169.254.169.254/latest/meta-data' }),
      400,
      'push.endpoint_not_allowed',
    )
    expectProblem(await post({ endpoint: good.endpoint }), 400, 'validation.failed')
    expectProblem(await post({ ...good, extra: 1 }), 400, 'validation.failed')
    expectProblem(
      await post({ ...good, keys: { p256dh: 5, auth: good.keys.auth } }),
      400,
      'validation.failed',
    )
    // Padded standard base64, as some older libraries write it, is accepted.
    const std = {
      ...good,
      keys: { ...good.keys, auth: Buffer.from(good.keys.auth, 'base64url').toString('base64') },
    }
    expect((await post(std)).statusCode).toBe(201)
    expect((await call('GET', '/api/v1/me/push-subscriptions', me.cookie)).json()).toHaveLength(1)
  })

  it('lets only the owner delete a subscription, by endpoint or by id', async () => {
    const me = await registerCitizen(rt.app)
    const other = await registerCitizen(rt.app)
    const first = subscription()
    const second = subscription()
    const a = (await call('POST', '/api/v1/me/push-subscriptions', me.cookie, first)).json()
    const b = (await call('POST', '/api/v1/me/push-subscriptions', me.cookie, second)).json()
    const byEndpoint = (e: string) => `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(e)}`

    expectProblem(
      await call('DELETE', byEndpoint(first.endpoint), other.cookie),
      404,
      'push.subscription_not_found',
    )
    expectProblem(
      await call('DELETE', `/api/v1/me/push-subscriptions/${a.id}`, other.cookie),
      404,
      'push.subscription_not_found',
    )
    expect((await call('GET', '/api/v1/me/push-subscriptions', me.cookie)).json()).toHaveLength(2)

    expect((await call('DELETE', byEndpoint(first.endpoint), me.cookie)).statusCode).toBe(204)
    expect((await call('DELETE', `/api/v1/me/push-subscriptions/${b.id}`, me.cookie)).statusCode).toBe(204)
    expectProblem(
      await call('DELETE', byEndpoint(first.endpoint), me.cookie),
      404,
      'push.subscription_not_found',
    )
    expectProblem(
      await call('DELETE', '/api/v1/me/push-subscriptions/nope', me.cookie),
      400,
      'validation.failed',
    )
    expectProblem(await call('DELETE', '/api/v1/me/push-subscriptions', me.cookie), 400, 'validation.failed')
    expect((await call('GET', '/api/v1/me/push-subscriptions', me.cookie)).json()).toEqual([])
  })

  it('moves a browser’s subscription to whoever signed in there last', async () => {
    const before = await registerCitizen(rt.app)
    const after = await registerCitizen(rt.app)
    const sub = subscription()
    expect((await call('POST', '/api/v1/me/push-subscriptions', before.cookie, sub)).statusCode).toBe(201)
    expect((await call('POST', '/api/v1/me/push-subscriptions', after.cookie, sub)).statusCode).toBe(201)
    expect((await call('GET', '/api/v1/me/push-subscriptions', before.cookie)).json()).toEqual([])
    expect((await call('GET', '/api/v1/me/push-subscriptions', after.cookie)).json()).toHaveLength(1)
  })

  it('limits how many browsers one person registers', async () => {
    const me = await registerCitizen(rt.app)
    for (let i = 0; i < 20; i++) {
      expect(
        (await call('POST', '/api/v1/me/push-subscriptions', me.cookie, subscription())).statusCode,
      ).toBe(201)
    }
    expectProblem(
      await call('POST', '/api/v1/me/push-subscriptions', me.cookie, subscription()),
      409,
      'push.too_many_subscriptions',
    )
  })

  it('is part of my data export and goes with my account', async () => {
    const me = await registerCitizen(rt.app)
    const sub = subscription()
    await call('POST', '/api/v1/me/push-subscriptions', me.cookie, { ...sub, label: 'Laptop' })
    const exported = (await call('GET', '/api/v1/me/export', me.cookie)).json()
    expect(exported.notifications.pushSubscriptions).toMatchObject([
      { endpoint: sub.endpoint, label: 'Laptop' },
    ])
    expect(exported.notifications.preferences).toEqual({ inbox: true, email: true, push: true, sms: true })

    expect((await call('DELETE', '/api/v1/me', me.cookie)).statusCode).toBe(204)
    const left = await rt.ctx.db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', sub.endpoint)
      .execute()
    expect(left).toEqual([])
  })

  it('keeps push on or off among the notification preferences', async () => {
    const me = await registerCitizen(rt.app)
    const prefs = '/api/v1/me/notification-preferences'
    expect((await call('GET', prefs, me.cookie)).json()).toEqual({
      inbox: true,
      email: true,
      push: true,
      sms: true,
    })
    expect((await call('PUT', prefs, me.cookie, { push: false })).json()).toEqual({
      inbox: true,
      email: true,
      push: false,
      sms: true,
    })
    expect((await call('PUT', prefs, me.cookie, { email: false })).json()).toEqual({
      inbox: true,
      email: false,
      push: false,
      sms: true,
    })
  })
})
