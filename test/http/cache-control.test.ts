import { beforeAll, describe, expect, it } from 'vitest'
import type { Access } from '../../src/platform/http/access.ts'
import { withDemoRuntime } from '../helpers/demo-runtime.ts'
import { registerCitizen } from '../helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()

const ANY_ID = '0190a0a0-0000-7000-8000-000000000000'
/** Routes that end the caller's session or account: called last, so every other call is signed in. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout', 'DELETE /api/v1/me'])

const sessions: Record<string, string> = {}
beforeAll(async () => {
  const app = runtime().app
  sessions.citizen = (await registerCitizen(app)).cookie
  const enterprise = await registerCitizen(app)
  await runtime()
    .ctx.db.insertInto('user_roles')
    .values({ user_id: enterprise.userId, role: 'enterprise' })
    .execute()
  sessions.enterprise = enterprise.cookie
  sessions.operator = staff.operator
  sessions.officer = staff.officerTokyo
  sessions.duty_officer = staff.duty
  sessions.admin = staff.admin
  sessions.clinician = staff.clinicianTokyo
})

/** A session whose role the route admits (a citizen's for public routes). */
function sessionFor(access: Access): string {
  const role = access === 'public' ? 'citizen' : access.roles.find((r) => sessions[r])
  const cookie = role ? sessions[role] : undefined
  if (!cookie) throw new Error(`no test session for ${JSON.stringify(access)}`)
  return cookie
}

describe('Cache-Control on API responses', () => {
  it('is no-store on every route called with a session, whatever the answer', async () => {
    const routes = [...runtime().app.routeAccess.entries()].sort(
      ([a], [b]) => Number(ENDS_SESSION.has(a)) - Number(ENDS_SESSION.has(b)),
    )
    expect(routes.length).toBeGreaterThan(100)
    const statuses = new Set<number>()
    for (const [key, access] of routes) {
      const [method, pattern] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string]
      const url = pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'country' ? 'JP' : ANY_ID))
      const res = await call(method, url, sessionFor(access), method === 'GET' ? undefined : {})
      statuses.add(res.statusCode)
      expect(res.headers['cache-control'], `${key} answered ${res.statusCode}`).toBe('no-store')
    }
    // The walk reached answers, not only refusals.
    expect(statuses).toContain(200)
  })

  it('is no-store on personal data and staff exports that succeed', async () => {
    const citizen = await registerCitizen(runtime().app)
    for (const [url, cookie] of [
      ['/api/v1/me/export', citizen.cookie],
      ['/api/v1/me/profile', citizen.cookie],
      ['/api/v1/people?country=JP&format=csv', staff.duty],
      ['/api/v1/countries', citizen.cookie],
    ] as const) {
      const res = await call('GET', url, cookie)
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('lets public reference data asked for without a session keep its short public cache', async () => {
    const res = await call('GET', '/api/v1/countries')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    const refused = await call('GET', '/api/v1/me/profile')
    expect(refused.statusCode).toBe(401)
    expect(refused.headers['cache-control']).toBe('no-store')
    expect((await call('GET', '/api/v1/countries/XX')).headers['cache-control']).toBe('no-store')
  })
})
