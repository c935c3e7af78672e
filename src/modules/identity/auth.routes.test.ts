import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectProblem,
  login,
  registerCitizen,
  sessionCookieOf,
  uniqueEmail,
} from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { createAccount } from './user.service.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

describe('sign-up and sign-in', () => {
  it('registers a citizen who can sign in at once and read /me', async () => {
    const email = uniqueEmail('li')
    const reg = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email,
        password: 'a long enough secret',
        name: '李雷',
        phone: '+8613800138000',
        locale: 'en',
      },
    })
    expect(reg.statusCode, reg.body).toBe(201)
    expect(reg.json()).toMatchObject({ email, name: '李雷', roles: ['citizen'], missions: [], locale: 'en' })
    const cookie = reg.cookies.find((c) => c.name === 'lingshi_session')
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')

    const session = await login(rt.app, email, 'a long enough secret')
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ id: session.userId, email, roles: ['citizen'], missions: [] })
  })

  it('says who is signed in to anyone, a visitor included, without an error status', async () => {
    const visitor = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/session' })
    expect(visitor.statusCode).toBe(200)
    expect(visitor.json()).toEqual({ user: null })
    const email = `session.${Date.now()}@example.org`
    const reg = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'a long enough secret', name: 'Wang Wu' },
    })
    expect(reg.statusCode, reg.body).toBe(201)
    const session = await login(rt.app, email, 'a long enough secret')
    const signedIn = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    })
    expect(signedIn.json()).toMatchObject({ user: { id: session.userId, email, roles: ['citizen'] } })
    const ended = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    })
    expect(ended.statusCode).toBe(204)
    const after = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    })
    expect(after.json()).toEqual({ user: null })
  })

  it('signs up and in with a phone number instead of an e-mail address', async () => {
    const phone = '+33612345678'
    const reg = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { phone, password: 'phone person secret', name: 'Zhang San' },
    })
    expect(reg.statusCode, reg.body).toBe(201)
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, password: 'phone person secret' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().user.phone).toBe(phone)
  })

  it('signs out: the old cookie no longer works', async () => {
    const s = await registerCitizen(rt.app)
    const out = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    })
    expect(out.statusCode).toBe(204)
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })
    expectProblem(me, 401, 'auth.unauthenticated')
  })

  it('refuses a duplicate account, whatever the case of the address', async () => {
    const s = await registerCitizen(rt.app)
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: s.email.toUpperCase(), password: 'another fine secret', name: 'Dup' },
    })
    expectProblem(res, 409, 'auth.email_taken')
  })

  it('refuses wrong passwords and unknown accounts alike', async () => {
    const s = await registerCitizen(rt.app)
    const wrong = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: 'not the password' },
    })
    expectProblem(wrong, 401, 'auth.invalid_credentials')
    const unknown = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: uniqueEmail('nobody'), password: 'not the password' },
    })
    expectProblem(unknown, 401, 'auth.invalid_credentials')
  })

  it('records sign-ins and account creation in the audit log', async () => {
    const s = await registerCitizen(rt.app)
    await login(rt.app, s.email, 'correct horse battery')
    const rows = await rt.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('subject_id', '=', s.userId)
      .orderBy('at')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['account.registered', 'auth.login'])
  })
})

describe('passwords that cannot be guessed (#16 finding 9)', () => {
  const register = (payload: object) =>
    rt.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload })

  for (const password of ['password12', 'Password1!', 'qwertyuiop1', 'lingshi-demo']) {
    it(`refuses "${password}" with the estimator's feedback, and creates nothing`, async () => {
      const email = uniqueEmail('weak')
      const res = await register({ email, password, name: 'Weak' })
      expectProblem(res, 400, 'auth.weak_password')
      const { feedback } = res.json()
      expect(typeof feedback.warning === 'string' || feedback.warning === null).toBe(true)
      expect(feedback.suggestions.length).toBeGreaterThan(0)
      const retry = await register({ email, password: 'a long enough passphrase', name: 'Weak' })
      expect(retry.statusCode, retry.body).toBe(201)
      expect(sessionCookieOf(retry)).toMatch(/^lingshi_session=/)
    })
  }

  it("refuses a password made of the person's own e-mail", async () => {
    const res = await register({
      email: 'zhangwei.paris@example.org',
      password: 'zhangwei.paris',
      name: 'Zhang Wei',
    })
    expectProblem(res, 400, 'auth.weak_password')
    expect(res.json().feedback.warning).toBe('userInputs')
  })

  it('refuses a weak password for an account an administrator creates', async () => {
    await expect(
      createAccount(
        rt.ctx,
        { email: uniqueEmail('op'), name: 'Op', role: 'operator', password: 'Password1!' },
        { userId: null, roles: ['admin'], ip: null },
      ),
    ).rejects.toMatchObject({ status: 400, code: 'auth.weak_password' })
  })
})

describe('bad input on auth routes', () => {
  const cases: Array<[string, string, unknown, number, string]> = [
    [
      'weak password',
      '/api/v1/auth/register',
      { email: 'w@example.org', password: 'short', name: 'W' },
      400,
      'auth.weak_password',
    ],
    [
      'bad e-mail',
      '/api/v1/auth/register',
      { email: 'not-an-email', password: 'long enough secret', name: 'W' },
      400,
      'validation.failed',
    ],
    [
      'bad phone',
      '/api/v1/auth/register',
      { phone: '12345', password: 'long enough secret', name: 'W' },
      400,
      'validation.failed',
    ],
    [
      'neither e-mail nor phone',
      '/api/v1/auth/register',
      { password: 'long enough secret', name: 'W' },
      400,
      'validation.failed',
    ],
    [
      'unknown field',
      '/api/v1/auth/register',
      { email: 'u@example.org', password: 'long enough secret', name: 'W', admin: true },
      400,
      'validation.failed',
    ],
    [
      'wrong type',
      '/api/v1/auth/register',
      { email: 'u@example.org', password: 12345678901, name: 'W' },
      400,
      'validation.failed',
    ],
    [
      'login unknown field',
      '/api/v1/auth/login',
      { email: 'u@example.org', password: 'x', remember: true },
      400,
      'validation.failed',
    ],
    ['login missing password', '/api/v1/auth/login', { email: 'u@example.org' }, 400, 'validation.failed'],
  ]
  for (const [name, url, payload, status, code] of cases) {
    it(`answers ${status} ${code} for ${name}`, async () => {
      const res = await rt.app.inject({ method: 'POST', url, payload: payload as object })
      expectProblem(res, status, code)
    })
  }

  it('answers 400 for JSON that does not parse', async () => {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    })
    expectProblem(res, 400, 'request.malformed_json')
  })

  it('answers 413 for an oversized body', async () => {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'big@example.org', password: 'long enough secret', name: 'x'.repeat(2_000_000) },
    })
    expectProblem(res, 413, 'request.too_large')
  })

  it('answers 415 for a body that is not JSON', async () => {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=x',
    })
    expectProblem(res, 415, 'request.unsupported_media_type')
  })

  it('refuses a cross-site browser request but serves clients without an Origin', async () => {
    const payload = { email: uniqueEmail(), password: 'long enough secret', name: 'X' }
    const cross = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { origin: 'https://evil.example' },
      payload,
    })
    expectProblem(cross, 403, 'request.cross_origin')
    const same = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      payload,
    })
    expect(same.statusCode, same.body).toBe(201)
    expect(sessionCookieOf(same)).toMatch(/^lingshi_session=/)
  })
})
