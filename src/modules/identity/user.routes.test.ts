import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, login, registerCitizen, uniqueEmail } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'

let rt: TestRuntime
let admin: string
let citizen: string
beforeAll(async () => {
  rt = await startTestRuntime()
  await seedDemo(rt.ctx)
  admin = (await login(rt.app, 'admin@demo.lingshi', 'lingshi-demo')).cookie
  citizen = (await registerCitizen(rt.app)).cookie
})
afterAll(async () => {
  await rt?.close()
})

describe('staff accounts', () => {
  it('lets an administrator create an officer for a mission, with a temporary password that works', async () => {
    const email = uniqueEmail('officer')
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { email, name: 'Officer Osaka', role: 'officer', missions: ['JP-OSA-CG'] },
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body.user).toMatchObject({ email, roles: ['officer'], missions: [{ code: 'JP-OSA-CG' }] })
    expect(body.user.missions[0].name['zh-CN']).toMatch(/大阪/)
    const session = await login(rt.app, email, body.temporaryPassword)
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
    expect(me.json()).toMatchObject({ roles: ['officer'], missions: [{ code: 'JP-OSA-CG' }] })
  })

  it('requires a mission for an officer and refuses unknown missions', async () => {
    const noMission = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { email: uniqueEmail(), name: 'X', role: 'officer' },
    })
    expectProblem(noMission, 400, 'user.mission_required')
    const unknown = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { email: uniqueEmail(), name: 'X', role: 'officer', missions: ['XX-NOWHERE'] },
    })
    expectProblem(unknown, 400, 'reference.unknown_mission')
  })

  it('records role changes in the audit log and signs the person out', async () => {
    const email = uniqueEmail('op')
    const created = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { email, name: 'Op', role: 'operator', password: 'operator long secret' },
    })
    const id = created.json().user.id
    const session = await login(rt.app, email, 'operator long secret')
    const changed = await rt.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${id}/access`,
      headers: { cookie: admin },
      payload: { roles: ['officer', 'operator'], missions: ['FR-PAR-EMB'] },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().roles).toEqual(['officer', 'operator'])
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
    expect(me.statusCode).toBe(401)
    const audit = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/audit?subjectId=${id}&action=user.roles_changed`,
      headers: { cookie: admin },
    })
    expect(audit.json()).toHaveLength(1)
    expect(audit.json()[0].details.after.roles).toEqual(['officer', 'operator'])
  })

  it('lists staff accounts by role', async () => {
    const res = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=duty_officer',
      headers: { cookie: admin },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().map((u: { email: string }) => u.email)).toContain('duty@demo.lingshi')
  })
})

describe('authorization', () => {
  const adminRoutes: Array<[string, string, object | undefined]> = [
    ['GET', '/api/v1/users', undefined],
    ['POST', '/api/v1/users', { email: 'x@example.org', name: 'X', role: 'admin' }],
    ['PUT', '/api/v1/users/0190a0a0-0000-7000-8000-000000000000/access', { roles: ['admin'] }],
    ['GET', '/api/v1/audit', undefined],
  ]
  for (const [method, url, payload] of adminRoutes) {
    it(`${method} ${url}: 401 signed out, 403 for a citizen, even with a bad body`, async () => {
      const bad = payload ? { nonsense: true } : undefined
      const anon = await rt.app.inject({ method: method as 'GET', url, ...(bad ? { payload: bad } : {}) })
      expectProblem(anon, 401, 'auth.unauthenticated')
      const res = await rt.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: citizen },
        ...(bad ? { payload: bad } : {}),
      })
      expectProblem(res, 403, 'auth.forbidden')
    })
  }

  it('answers bad input from an administrator with 400, not 500', async () => {
    const cases: Array<[string, string, object]> = [
      ['POST', '/api/v1/users', { email: 'x@example.org', name: 'X', role: 'emperor' }],
      ['POST', '/api/v1/users', { email: 'x@example.org', name: 'X', role: 'admin', extra: 1 }],
      ['PUT', '/api/v1/users/not-a-uuid/access', { roles: ['admin'] }],
      ['PUT', '/api/v1/users/0190a0a0-0000-7000-8000-000000000000/access', { roles: [] }],
    ]
    for (const [method, url, payload] of cases) {
      const res = await rt.app.inject({ method: method as 'POST', url, headers: { cookie: admin }, payload })
      expectProblem(res, 400, 'validation.failed')
    }
    const missing = await rt.app.inject({
      method: 'PUT',
      url: '/api/v1/users/0190a0a0-0000-7000-8000-000000000000/access',
      headers: { cookie: admin },
      payload: { roles: ['admin'] },
    })
    expectProblem(missing, 404, 'user.not_found')
    const badQuery = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/audit?limit=100000',
      headers: { cookie: admin },
    })
    expectProblem(badQuery, 400, 'validation.failed')
  })
})
