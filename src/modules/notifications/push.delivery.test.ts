import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, login, registerCitizen } from '../../../test/helpers/http.ts'
import {
  type BrowserKeys,
  createBrowserKeys,
  decryptPushBody,
  verifyVapid,
} from '../../../test/helpers/push-browser.ts'
import { type PushService, startPushService } from '../../../test/helpers/push-service.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'
import { notify } from './notify.ts'
import { pushPayload } from './push.delivery.ts'
import { pushJob } from './push.job.ts'

let rt: TestRuntime
let push: PushService
let duty: string
beforeAll(async () => {
  push = await startPushService()
  rt = await startTestRuntime({
    env: {
      PUSH_CA_FILE: push.caFile,
      PUSH_SERVICE_HOSTS: '127.0.0.1',
      // The test push service listens on a port of its own; real ones are on 443.
      OUTBOUND_ALLOWED_PORTS: new URL(push.origin).port,
      VAPID_SUBJECT: 'mailto:ops@lingshi.test',
    },
    work: true,
  })
  await seedDemo(rt.ctx)
  duty = (await login(rt.app, 'duty@demo.lingshi', 'lingshi-demo')).cookie
})
afterAll(async () => {
  await rt?.close()
  await push?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)

interface Browser {
  endpoint: string
  keys: BrowserKeys
}

/** What a browser does when its person turns push on: subscribe at the push service, tell us. */
async function subscribeBrowser(cookie: string): Promise<Browser> {
  const keys = createBrowserKeys()
  const endpoint = push.newEndpoint()
  const res = await call('POST', '/api/v1/me/push-subscriptions', cookie, {
    endpoint,
    expirationTime: null,
    keys: keys.json,
  })
  expect(res.statusCode, res.body).toBe(201)
  return { endpoint, keys }
}

async function pushDelivery(userId: string) {
  return rt.ctx.db
    .selectFrom('deliveries')
    .select(['id', 'message_id', 'state', 'attempts', 'last_error', 'next_attempt_at'])
    .where('user_id', '=', userId)
    .where('channel', '=', 'push')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

async function notifyOne(userIds: string[], emergency = false) {
  return rt.ctx.db.transaction().execute((trx) =>
    notify(
      rt.ctx,
      trx,
      {
        kind: 'test',
        title: { 'zh-CN': '地震预警', en: 'Earthquake warning' },
        body: { 'zh-CN': '请立即避险。', en: 'Take cover now.' },
        link: '/alerts/1',
        emergency,
      },
      sql<{ user_id: string }>`select unnest(${userIds}::uuid[]) as user_id`,
    ),
  )
}

const decrypt = (body: Buffer, keys: BrowserKeys) => JSON.parse(decryptPushBody(body, keys).toString('utf8'))

describe('web push delivery', () => {
  it('sends an advisory change to each browser of a subscriber, encrypted for it and signed with VAPID', async () => {
    const en = await registerCitizen(rt.app, { locale: 'en' })
    const zh = await registerCitizen(rt.app, { locale: 'zh-CN' })
    for (const p of [en, zh]) await call('POST', '/api/v1/me/subscriptions', p.cookie, { country: 'JP' })
    const phone = await subscribeBrowser(en.cookie)
    const laptop = await subscribeBrowser(en.cookie)
    const zhPhone = await subscribeBrowser(zh.cookie)
    const summary = {
      'zh-CN': '近期地震频发，请谨慎前往。',
      en: 'Frequent earthquakes: travel with caution.',
    }
    await call('PUT', '/api/v1/advisories/JP', duty, { level: 2, summary })
    expect((await call('POST', '/api/v1/advisories/JP/publish', duty)).statusCode).toBe(200)

    const [got] = await push.waitFor(phone.endpoint)
    if (!got) throw new Error('no push')
    const delivery = await pushDelivery(en.userId)
    expect(got.headers).toMatchObject({
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      ttl: '86400',
      urgency: 'normal',
      'idempotency-key': delivery?.id,
    })
    const { claims, publicKey } = verifyVapid(got.headers.authorization as string, push.origin)
    expect(claims.sub).toBe('mailto:ops@lingshi.test')
    expect(publicKey).toBe((await call('GET', '/api/v1/push/vapid-public-key')).json().publicKey)

    expect(decrypt(got.body, phone.keys)).toEqual({
      deliveryId: delivery?.id,
      title: 'Japan travel advisory updated: level 2, Travel with caution',
      body: summary.en,
      link: '/advisories/JP',
      emergency: false,
    })
    const [toLaptop] = await push.waitFor(laptop.endpoint)
    if (!toLaptop) throw new Error('no push')
    expect(decrypt(toLaptop.body, laptop.keys).deliveryId).toBe(delivery?.id)
    expect(() => decryptPushBody(toLaptop.body, phone.keys)).toThrow()
    const [toZh] = await push.waitFor(zhPhone.endpoint)
    if (!toZh) throw new Error('no push')
    expect(decrypt(toZh.body, zhPhone.keys)).toMatchObject({
      title: expect.stringContaining('日本'),
      body: summary['zh-CN'],
    })

    await expect.poll(async () => (await pushDelivery(en.userId))?.state).toBe('sent')
    const devices = (await call('GET', '/api/v1/me/push-subscriptions', en.cookie)).json()
    expect(devices.map((d: { lastSuccessAt: string | null }) => d.lastSuccessAt)).not.toContain(null)
    expect(push.received.filter((r) => r.endpoint === phone.endpoint)).toHaveLength(1)
  })

  it('sends emergencies with high urgency, and none to people who turned push off', async () => {
    const on = await registerCitizen(rt.app, { locale: 'en' })
    const off = await registerCitizen(rt.app)
    const browser = await subscribeBrowser(on.cookie)
    await subscribeBrowser(off.cookie)
    await call('PUT', '/api/v1/me/notification-preferences', off.cookie, { push: false })
    await notifyOne([on.userId, off.userId], true)

    const [got] = await push.waitFor(browser.endpoint)
    if (!got) throw new Error('no push')
    expect(got.headers.urgency).toBe('high')
    expect(decrypt(got.body, browser.keys)).toMatchObject({
      title: 'Earthquake warning',
      body: 'Take cover now.',
      link: '/alerts/1',
      emergency: true,
    })
    expect(await pushDelivery(off.userId)).toBeUndefined()
  })

  it('removes a subscription the push service says is gone, and records why nothing was delivered', async () => {
    const p = await registerCitizen(rt.app)
    const browser = await subscribeBrowser(p.cookie)
    push.answer(browser.endpoint, 410)
    await notifyOne([p.userId])

    await expect.poll(async () => (await pushDelivery(p.userId))?.state, { timeout: 20_000 }).toBe('failed')
    expect((await pushDelivery(p.userId))?.last_error).toMatch(/410/)
    expect((await call('GET', '/api/v1/me/push-subscriptions', p.cookie)).json()).toEqual([])
    // With no browser left, the next message creates no push delivery at all.
    const { messageId } = await notifyOne([p.userId])
    expect((await pushDelivery(p.userId))?.message_id).not.toBe(messageId)
  })

  it('retries a busy push service later, sending again only to the browsers still owed the message', async () => {
    const p = await registerCitizen(rt.app)
    const took = await subscribeBrowser(p.cookie)
    const busy = await subscribeBrowser(p.cookie)
    push.answer(busy.endpoint, 503)
    const { messageId } = await notifyOne([p.userId])

    await push.waitFor(busy.endpoint)
    await expect.poll(async () => (await pushDelivery(p.userId))?.last_error ?? null).toMatch(/503/)
    const waiting = await pushDelivery(p.userId)
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 })
    expect(new Date(waiting?.next_attempt_at ?? 0).getTime()).toBeGreaterThan(Date.now())
    const devices = (await call('GET', '/api/v1/me/push-subscriptions', p.cookie)).json() as Array<{
      endpoint: string
      failureCount: number
    }>
    expect(devices.find((d) => d.endpoint === busy.endpoint)?.failureCount).toBe(1)

    // The back-off has passed: run the job as the queue would.
    await rt.ctx.db
      .updateTable('deliveries')
      .set({ next_attempt_at: sql`now()` })
      .where('id', '=', waiting?.id ?? '')
      .execute()
    await pushJob(rt.ctx).handle({ messageId }, { jobId: 'retry', retryCount: 0 })

    expect(await pushDelivery(p.userId)).toMatchObject({ state: 'sent', attempts: 2, last_error: null })
    expect(push.received.filter((r) => r.endpoint === took.endpoint)).toHaveLength(1)
    const toBusy = push.received.filter((r) => r.endpoint === busy.endpoint)
    expect(toBusy.map((r) => r.status)).toEqual([503, 201])
    expect(toBusy.map((r) => r.headers['idempotency-key'])).toEqual([waiting?.id, waiting?.id])
    expect(decrypt(toBusy[1]?.body ?? Buffer.alloc(0), busy.keys).deliveryId).toBe(waiting?.id)
  })

  it('shortens a long body so the message fits one push record', () => {
    const long = '请立即前往安全地点并保持通讯畅通。'.repeat(400)
    const claimed = {
      id: '01900000-0000-7000-8000-000000000000',
      message_id: '01900000-0000-7000-8000-000000000002',
      user_id: '01900000-0000-7000-8000-000000000001',
      attempts: 1,
      email: null,
      phone: null,
      locale: 'zh-CN',
      kind: 'test',
      about_type: null,
      about_id: null,
      actions: null,
      action_url: null,
      attachments: null,
      created_at: new Date(),
      title_zh: '安全提醒',
      title_en: 'Safety reminder',
      body_zh: long,
      body_en: 'Short.',
      link: null,
      emergency: true,
    }
    const json = pushPayload(claimed, rt.ctx.signer)
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(3_800)
    const parsed = JSON.parse(json)
    expect(parsed.body.endsWith('…')).toBe(true)
    expect(long.startsWith(parsed.body.slice(0, -1))).toBe(true)
    expect(JSON.parse(pushPayload({ ...claimed, locale: 'en' }, rt.ctx.signer)).body).toBe('Short.')
  })
})
