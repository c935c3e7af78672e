import { type TOTP, URI } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, sessionCookieOf, uniqueEmail } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
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
