import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  caller,
  expectProblem,
  registerCitizen,
  sessionCookieOf,
  uniqueEmail,
} from '../../../test/helpers/http.ts'
import { type HttpSink, startHttpSink } from '../../../test/helpers/http-sink.ts'
import { uniquePhone } from '../../../test/helpers/notify.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { hasVerifiedContact, loginCodeJob } from './index.ts'

/** Jobs are picked up by polling workers on a shared machine: give them time. */
const WAIT = { timeout: 20_000, interval: 200 }

let rt: TestRuntime
let gateway: HttpSink
beforeAll(async () => {
  gateway = await startHttpSink(() => ({ status: 202, body: '{"id":"gw"}' }))
  rt = await startTestRuntime({
    env: { SMS_GATEWAY_URL: `${gateway.origin}/sms`, PUBLIC_URL: 'https://lingshi.example' },
    work: true,
  })
})
afterAll(async () => {
  await rt?.close()
  await gateway?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)

/** The codes texted to a number so far, oldest first. */
function textsTo(phone: string): string[] {
  return gateway.received
    .map((r) => JSON.parse(r.body) as { to: string; text: string })
    .filter((b) => b.to === phone)
    .map((b) => b.text)
}
async function nextCode(phone: string, count: number): Promise<string> {
  await expect.poll(() => textsTo(phone).length, WAIT).toBeGreaterThanOrEqual(count)
  const text = textsTo(phone)[count - 1] ?? ''
  const code = /\b(\d{6})\b/.exec(text)?.[1]
  if (!code) throw new Error(`no code in ${text}`)
  return code
}

/** Mail kept in the demo outbox for an address, oldest first. */
async function mailsTo(address: string, count: number) {
  await expect
    .poll(
      async () =>
        (await rt.ctx.db.selectFrom('captured_mail').select('id').where('recipient', '=', address).execute())
          .length,
      WAIT,
    )
    .toBeGreaterThanOrEqual(count)
  return rt.ctx.db
    .selectFrom('captured_mail')
    .selectAll()
    .where('recipient', '=', address)
    .orderBy('captured_at')
    .orderBy('id')
    .execute()
}
const tokenIn = (body: string) => {
  const token = /token=([A-Za-z0-9_-]+)/.exec(body)?.[1]
  if (!token) throw new Error(`no token in ${body}`)
  return token
}

/** A citizen with a verified phone, as POST /me/phone and /me/phone/verify make one. */
async function citizenWithPhone() {
  const person = await registerCitizen(rt.app)
  const phone = uniquePhone('CN')
  expect((await call('POST', '/api/v1/me/phone', person.cookie, { phone })).statusCode).toBe(202)
  const code = await nextCode(phone, 1)
  const verified = await call('POST', '/api/v1/me/phone/verify', person.cookie, { code })
  expect(verified.statusCode, verified.body).toBe(200)
  return { ...person, phone }
}

describe('phone verification', () => {
  it('makes the number the sign-in phone and the profile’s, verified', async () => {
    const person = await registerCitizen(rt.app)
    expect(await hasVerifiedContact(rt.ctx.db, person.userId)).toBe(false)
    const phone = uniquePhone('CN')
    expect((await call('POST', '/api/v1/me/phone', person.cookie, { phone })).json()).toEqual({
      accepted: true,
    })
    const code = await nextCode(phone, 1)
    expect(textsTo(phone)[0]).toContain('验证码')
    const res = await call('POST', '/api/v1/me/phone/verify', person.cookie, { code })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ phone, phoneVerified: true, emailVerified: false })
    const profile = (await call('GET', '/api/v1/me/profile', person.cookie)).json()
    expect(profile).toMatchObject({ phone, phoneVerified: true })
    expect(await hasVerifiedContact(rt.ctx.db, person.userId)).toBe(true)
    // Single use.
    expectProblem(
      await call('POST', '/api/v1/me/phone/verify', person.cookie, { code }),
      400,
      'auth.code_invalid',
    )
    // Typing another number in the profile makes it unverified again.
    const other = uniquePhone('CN')
    expect((await call('PUT', '/api/v1/me/profile', person.cookie, { phone: other })).json()).toMatchObject({
      phone: other,
      phoneVerified: false,
    })
  })

  it('keeps codes hashed, one per minute per number, 5 tries each', async () => {
    const person = await registerCitizen(rt.app)
    const phone = uniquePhone('CN')
    expect((await call('POST', '/api/v1/me/phone', person.cookie, { phone })).statusCode).toBe(202)
    const cooldown = await call('POST', '/api/v1/me/phone', person.cookie, { phone })
    expectProblem(cooldown, 429, 'auth.code_cooldown')
    expect(cooldown.json().retryAfterSeconds).toBeGreaterThan(0)
    const code = await nextCode(phone, 1)
    const stored = await rt.ctx.db
      .selectFrom('verification_codes')
      .select('code_hash')
      .where('target', '=', phone)
      .execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.code_hash).not.toContain(code)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      expectProblem(
        await call('POST', '/api/v1/me/phone/verify', person.cookie, { code: wrong }),
        400,
        'auth.code_invalid',
      )
    // Out of tries: the right code no longer works.
    expectProblem(
      await call('POST', '/api/v1/me/phone/verify', person.cookie, { code }),
      400,
      'auth.code_invalid',
    )
  })

  it('refuses an expired code', async () => {
    const person = await registerCitizen(rt.app)
    const phone = uniquePhone('CN')
    await call('POST', '/api/v1/me/phone', person.cookie, { phone })
    const code = await nextCode(phone, 1)
    await rt.ctx.db
      .updateTable('verification_codes')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('target', '=', phone)
      .execute()
    expectProblem(
      await call('POST', '/api/v1/me/phone/verify', person.cookie, { code }),
      400,
      'auth.code_invalid',
    )
  })
})

describe('sign-in with phone and code', () => {
  it('signs in with the texted code, once', async () => {
    const person = await citizenWithPhone()
    const asked = await call('POST', '/api/v1/auth/phone/code', undefined, { phone: person.phone })
    expect(asked.statusCode).toBe(202)
    const code = await nextCode(person.phone, 2)
    const res = await call('POST', '/api/v1/auth/phone/login', undefined, { phone: person.phone, code })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ user: { id: person.userId }, mfa: null })
    const me = await call('GET', '/api/v1/me', sessionCookieOf(res))
    expect(me.json().id).toBe(person.userId)
    // Used: the same code fails, answered as a wrong password is.
    expectProblem(
      await call('POST', '/api/v1/auth/phone/login', undefined, { phone: person.phone, code }),
      401,
      'auth.invalid_credentials',
    )
  })

  it('answers alike for a number no account has: 202, same body, a code row, no text', async () => {
    const person = await citizenWithPhone()
    const unknown = uniquePhone('CN')
    const known = await call('POST', '/api/v1/auth/phone/code', undefined, { phone: person.phone })
    const other = await call('POST', '/api/v1/auth/phone/code', undefined, { phone: unknown })
    expect([known.statusCode, other.statusCode]).toEqual([202, 202])
    expect(other.body).toBe(known.body)
    // Looked up after the answer, by a job: a code row either way.
    await expect
      .poll(
        () =>
          rt.ctx.db
            .selectFrom('verification_codes')
            .select(['purpose', 'user_id'])
            .where('target', '=', unknown)
            .execute(),
        WAIT,
      )
      .toEqual([{ purpose: 'phone_login', user_id: null }])
    await nextCode(person.phone, 2)
    expect(textsTo(unknown)).toEqual([])
    // A login try for the unknown number is refused as a wrong code for a known one is.
    const a = await call('POST', '/api/v1/auth/phone/login', undefined, { phone: unknown, code: '123456' })
    const b = await call('POST', '/api/v1/auth/phone/login', undefined, {
      phone: person.phone,
      code: '000001',
    })
    expect(a.statusCode).toBe(b.statusCode)
    expect(a.json().code).toBe(b.json().code)
  })

  it('sends no second code within the cooldown, and none to an unverified number', async () => {
    const person = await citizenWithPhone()
    await call('POST', '/api/v1/auth/phone/code', undefined, { phone: person.phone })
    await nextCode(person.phone, 2)
    // Asked again at once (the job the route queues, run here to know when it is done).
    await loginCodeJob(rt.ctx).handle({ phone: person.phone }, { jobId: 'again', retryCount: 0 })
    const codes = await rt.ctx.db
      .selectFrom('verification_codes')
      .select('id')
      .where('target', '=', person.phone)
      .where('purpose', '=', 'phone_login')
      .execute()
    expect(codes).toHaveLength(1)
    // Registered with a phone but never proved: no code is sent to it.
    const unproved = uniquePhone('CN')
    await registerCitizen(rt.app, { phone: unproved })
    await loginCodeJob(rt.ctx).handle({ phone: unproved }, { jobId: 'unproved', retryCount: 0 })
    const rows = await rt.ctx.db
      .selectFrom('verification_codes')
      .select('user_id')
      .where('target', '=', unproved)
      .execute()
    expect(rows).toEqual([{ user_id: null }])
  })

  it('allows at least 30 codes a minute from one address', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const res = await rt.app.inject({
        method: 'POST',
        url: '/api/v1/auth/phone/code',
        remoteAddress: '203.0.113.30',
        payload: { phone: uniquePhone('FR') },
      })
      statuses.push(res.statusCode)
    }
    expect(new Set(statuses)).toEqual(new Set([202]))
  })
})

describe('forgotten password', () => {
  it('e-mails a single-use link; reset ends every session; the token is kept hashed', async () => {
    const person = await registerCitizen(rt.app)
    const other = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password: 'correct horse battery' },
    })
    const otherCookie = sessionCookieOf(other)
    const known = await call('POST', '/api/v1/auth/password/forgot', undefined, { email: person.email })
    const unknown = await call('POST', '/api/v1/auth/password/forgot', undefined, {
      email: uniqueEmail('nobody'),
    })
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202])
    expect(unknown.body).toBe(known.body)
    const [mail] = await mailsTo(person.email, 1)
    expect(mail?.body).toContain('https://lingshi.example/reset-password?token=')
    const token = tokenIn(mail?.body ?? '')
    const stored = await rt.ctx.db
      .selectFrom('account_tokens')
      .select('token_hash')
      .where('user_id', '=', person.userId)
      .execute()
    expect(stored.map((s) => s.token_hash)).not.toContain(token)

    expectProblem(
      await call('POST', '/api/v1/auth/password/reset', undefined, { token, password: '123' }),
      400,
      'auth.weak_password',
    )
    const res = await call('POST', '/api/v1/auth/password/reset', undefined, {
      token,
      password: 'a brand new long passphrase',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect((await call('GET', '/api/v1/me', person.cookie)).statusCode).toBe(401)
    expect((await call('GET', '/api/v1/me', otherCookie)).statusCode).toBe(401)
    const signedIn = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password: 'a brand new long passphrase' },
    })
    expect(signedIn.statusCode).toBe(200)
    expect(signedIn.json().user.emailVerified).toBe(true)
    // Single use.
    expectProblem(
      await call('POST', '/api/v1/auth/password/reset', undefined, {
        token,
        password: 'another long passphrase',
      }),
      400,
      'auth.reset_token_invalid',
    )
  })

  it('refuses an unknown or expired token', async () => {
    expectProblem(
      await call('POST', '/api/v1/auth/password/reset', undefined, {
        token: 'nope',
        password: 'a brand new long passphrase',
      }),
      400,
      'auth.reset_token_invalid',
    )
    const person = await registerCitizen(rt.app)
    await call('POST', '/api/v1/auth/password/forgot', undefined, { email: person.email })
    const [mail] = await mailsTo(person.email, 1)
    await rt.ctx.db
      .updateTable('account_tokens')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', person.userId)
      .execute()
    expectProblem(
      await call('POST', '/api/v1/auth/password/reset', undefined, {
        token: tokenIn(mail?.body ?? ''),
        password: 'a brand new long passphrase',
      }),
      400,
      'auth.reset_token_invalid',
    )
  })
})

describe('e-mail verification, password change and sessions', () => {
  it('verifies an address by link, once', async () => {
    const person = await registerCitizen(rt.app)
    const address = uniqueEmail('new')
    expect((await call('POST', '/api/v1/me/email', person.cookie, { email: address })).statusCode).toBe(202)
    const [mail] = await mailsTo(address, 1)
    const token = tokenIn(mail?.body ?? '')
    const res = await call('POST', '/api/v1/auth/email/verify', undefined, { token })
    expect(res.json()).toEqual({ email: address })
    expect((await call('GET', '/api/v1/me', person.cookie)).json()).toMatchObject({
      email: address,
      emailVerified: true,
    })
    expectProblem(
      await call('POST', '/api/v1/auth/email/verify', undefined, { token }),
      400,
      'auth.verify_token_invalid',
    )
  })

  it('changes the password with the current one and ends the other sessions', async () => {
    const person = await registerCitizen(rt.app)
    const other = sessionCookieOf(
      await rt.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' },
        payload: { email: person.email, password: 'correct horse battery' },
      }),
    )
    const list = (await call('GET', '/api/v1/me/sessions', person.cookie)).json()
    expect(list.sessions).toHaveLength(2)
    expect(list.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1)
    expect(list.sessions.find((s: { current: boolean }) => !s.current).device).toBe('Safari · iPhone')
    expectProblem(
      await call('POST', '/api/v1/me/password', person.cookie, {
        currentPassword: 'wrong',
        newPassword: 'a brand new long passphrase',
      }),
      400,
      'auth.wrong_password',
    )
    const changed = await call('POST', '/api/v1/me/password', person.cookie, {
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new long passphrase',
    })
    expect(changed.json()).toEqual({ endedSessions: 1 })
    expect((await call('GET', '/api/v1/me', other)).statusCode).toBe(401)
    expect((await call('GET', '/api/v1/me', person.cookie)).statusCode).toBe(200)
  })

  it('ends one session, or all the others', async () => {
    const person = await registerCitizen(rt.app)
    const signIn = async () =>
      sessionCookieOf(
        await rt.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: person.email, password: 'correct horse battery' },
        }),
      )
    const second = await signIn()
    const third = await signIn()
    const sessions = (await call('GET', '/api/v1/me/sessions', second)).json().sessions as {
      id: string
      current: boolean
    }[]
    expect(sessions).toHaveLength(3)
    const mine = sessions.find((s) => s.current)
    if (!mine) throw new Error('no current session')
    // Another person cannot end it.
    const stranger = await registerCitizen(rt.app)
    expectProblem(
      await call('DELETE', `/api/v1/me/sessions/${mine.id}`, stranger.cookie),
      404,
      'session.not_found',
    )
    expect((await call('DELETE', `/api/v1/me/sessions/${mine.id}`, third)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me', second)).statusCode).toBe(401)
    expect((await call('POST', '/api/v1/me/sessions/end-others', third)).json()).toEqual({ ended: 1 })
    expect((await call('GET', '/api/v1/me', person.cookie)).statusCode).toBe(401)
    expect((await call('GET', '/api/v1/me/sessions', third)).json().sessions).toHaveLength(1)
  })
})
