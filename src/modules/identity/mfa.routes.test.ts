import { Secret, TOTP, URI } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, sessionCookieOf, uniqueEmail } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { updateUser } from './user.repository.ts'
import { createAccount } from './user.service.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime({ env: { MFA_REQUIRED: 'true' } })
})
afterAll(async () => {
  await rt?.close()
})

async function staffLogin(email: string, password: string) {
  const res = await rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  expect(res.statusCode, res.body).toBe(200)
  return { cookie: sessionCookieOf(res), mfa: res.json().mfa as string | null }
}

describe('TOTP for staff outside demo mode', () => {
  it('makes a new duty officer enrol before anything else, then verify at each sign-in', async () => {
    const email = uniqueEmail('duty')
    await createAccount(
      rt.ctx,
      { email, name: 'Duty', role: 'duty_officer', password: 'duty officer secret' },
      { userId: null, roles: ['admin'], ip: null },
    )
    const first = await staffLogin(email, 'duty officer secret')
    expect(first.mfa).toBe('enrol')
    const blocked = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { cookie: first.cookie },
    })
    expectProblem(blocked, 401, 'auth.mfa_required')

    const start = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/enrol/start',
      headers: { cookie: first.cookie },
    })
    expect(start.statusCode, start.body).toBe(200)
    const { otpauthUrl, qrSvg } = start.json()
    expect(qrSvg).toMatch(/^<svg/)
    const totp = URI.parse(otpauthUrl) as TOTP
    const wrong = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/enrol/confirm',
      headers: { cookie: first.cookie },
      payload: { code: totp.generate() === '000000' ? '111111' : '000000' },
    })
    expectProblem(wrong, 400, 'auth.mfa_invalid_code')
    const code = totp.generate()
    const ok = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/enrol/confirm',
      headers: { cookie: first.cookie },
      payload: { code },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().user.mfa).toEqual({ required: true, enrolled: true, pending: false })

    const second = await staffLogin(email, 'duty officer secret')
    expect(second.mfa).toBe('verify')
    const replay = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/verify',
      headers: { cookie: second.cookie },
      payload: { code },
    })
    expectProblem(replay, 400, 'auth.mfa_invalid_code')
  })

  it('does not ask citizens for a second factor', async () => {
    const email = uniqueEmail()
    await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'citizen long secret', name: 'C' },
    })
    const res = await staffLogin(email, 'citizen long secret')
    expect(res.mfa).toBeNull()
  })
})

describe('TOTP that cannot be guessed (#16 finding 2)', () => {
  /** A duty officer with TOTP already set up, and the authenticator that goes with it. */
  async function enrolledOfficer() {
    const email = uniqueEmail('duty')
    const { user } = await createAccount(
      rt.ctx,
      { email, name: 'Duty', role: 'duty_officer', password: 'duty officer secret' },
      { userId: null, roles: ['admin'], ip: null },
    )
    const secret = new Secret({ size: 20 })
    await updateUser(rt.ctx.db, user.id, {
      totp_secret: rt.ctx.secrets.seal(secret.base32),
      totp_enrolled_at: new Date(),
    })
    const totp = new TOTP({ secret, period: 30 })
    /** A code that is wrong now and for the steps either side of it. */
    const wrongCode = (n: number) => {
      const now = Date.now()
      const valid = new Set([-30_000, 0, 30_000].map((d) => totp.generate({ timestamp: now + d })))
      let code = n
      while (valid.has(String(code).padStart(6, '0'))) code++
      return String(code).padStart(6, '0')
    }
    return { userId: user.id, email, totp, wrongCode }
  }

  async function pendingSession(email: string) {
    const s = await staffLogin(email, 'duty officer secret')
    expect(s.mfa).toBe('verify')
    return s.cookie
  }

  const verify = (cookie: string, code: string) =>
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/verify',
      headers: { cookie },
      payload: { code },
    })

  it('voids a pending sign-in after five wrong codes: the right code no longer opens it', async () => {
    const officer = await enrolledOfficer()
    const cookie = await pendingSession(officer.email)
    for (let i = 0; i < 4; i++)
      expectProblem(await verify(cookie, officer.wrongCode(i)), 400, 'auth.mfa_invalid_code')
    expectProblem(await verify(cookie, officer.wrongCode(4)), 401, 'auth.mfa_attempts_exhausted')
    expectProblem(await verify(cookie, officer.totp.generate()), 401, 'auth.unauthenticated')
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })
    expectProblem(me, 401, 'auth.unauthenticated')
  })

  it('makes an account wait after five wrong codes, across sessions, even for the right code', async () => {
    const officer = await enrolledOfficer()
    const first = await pendingSession(officer.email)
    for (let i = 0; i < 3; i++)
      expectProblem(await verify(first, officer.wrongCode(i)), 400, 'auth.mfa_invalid_code')
    const second = await pendingSession(officer.email)
    for (let i = 3; i < 5; i++)
      expectProblem(await verify(second, officer.wrongCode(i)), 400, 'auth.mfa_invalid_code')
    const waiting = await verify(second, officer.totp.generate())
    expectProblem(waiting, 429, 'auth.rate_limited')
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1)

    // The wait over, the right code opens the session and the count starts again.
    await updateUser(rt.ctx.db, officer.userId, { mfa_retry_at: new Date(Date.now() - 1000) })
    const ok = await verify(second, officer.totp.generate())
    expect(ok.statusCode, ok.body).toBe(200)
    const row = await rt.ctx.db
      .selectFrom('users')
      .select(['mfa_failures', 'mfa_retry_at'])
      .where('id', '=', officer.userId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ mfa_failures: 0, mfa_retry_at: null })
  })

  it('takes a code once, even when two sign-ins race with it', async () => {
    const officer = await enrolledOfficer()
    const a = await pendingSession(officer.email)
    const b = await pendingSession(officer.email)
    const code = officer.totp.generate()
    const answers = await Promise.all([verify(a, code), verify(b, code)])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400])
    const refused = answers.find((r) => r.statusCode === 400)!
    expectProblem(refused, 400, 'auth.mfa_invalid_code')
  })
})
