import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'

export interface Session {
  readonly cookie: string
  readonly userId: string
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === 'lingshi_session')
  if (!set) throw new Error(`No session cookie in response ${res.statusCode}: ${res.body}`)
  return `lingshi_session=${set.value}`
}

let counter = 0
export function uniqueEmail(prefix = 'person'): string {
  counter++
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.org`
}

export async function registerCitizen(
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
): Promise<Session & { email: string }> {
  const email = (overrides.email as string | undefined) ?? uniqueEmail()
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: 'correct horse battery', name: 'Wang Fang 王芳', ...overrides },
  })
  expect(res.statusCode, res.body).toBe(201)
  return { cookie: sessionCookieOf(res), userId: res.json().id, email }
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  expect(res.statusCode, res.body).toBe(200)
  return { cookie: sessionCookieOf(res), userId: res.json().user.id }
}

/** Asserts a problem+json answer with the given status and stable code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  const body = res.json()
  expect(body).toMatchObject({ status, code })
  expect(typeof body.type).toBe('string')
  expect(typeof body.title).toBe('string')
  expect(typeof body.detail).toBe('string')
}

/** `call(method, url, cookie?, payload?)` on the app: the shape most API tests need. */
export function caller(app: FastifyInstance) {
  return (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      payload: payload as Record<string, unknown> | undefined,
    })
}

/** The date `offset` days from today, as YYYY-MM-DD (UTC). */
export function dayFromToday(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}
