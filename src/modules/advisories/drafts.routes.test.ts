import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, expectProblem, login, registerCitizen } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'

let rt: TestRuntime
let officerTokyo: string
let officerParis: string
let duty: string
beforeAll(async () => {
  rt = await startTestRuntime({ work: true })
  await seedDemo(rt.ctx)
  officerTokyo = (await login(rt.app, 'officer.tokyo@demo.lingshi', 'lingshi-demo')).cookie
  officerParis = (await login(rt.app, 'officer.paris@demo.lingshi', 'lingshi-demo')).cookie
  duty = (await login(rt.app, 'duty@demo.lingshi', 'lingshi-demo')).cookie
})
afterAll(async () => {
  await rt?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const draft = (level: number) => ({
  level,
  summary: { 'zh-CN': '请注意安全。', en: 'Pay attention to safety.' },
})

describe('the drafts waiting for publication', () => {
  it('tells each officer what they may draft and shows only the drafts there', async () => {
    expect((await call('PUT', '/api/v1/advisories/JP', officerTokyo, draft(1))).statusCode).toBe(200)
    expect((await call('PUT', '/api/v1/advisories/FR', officerParis, draft(2))).statusCode).toBe(200)

    const tokyo = await call('GET', '/api/v1/advisories/drafts', officerTokyo)
    expect(tokyo.statusCode, tokyo.body).toBe(200)
    expect(tokyo.json()).toEqual({
      editable: ['JP'],
      drafts: [
        {
          country: 'JP',
          level: 1,
          draftedAt: expect.any(String),
          draftedBy: 'Officer Tokyo 驻日本使馆领事',
        },
      ],
    })

    const all = (await call('GET', '/api/v1/advisories/drafts', duty)).json()
    expect(all.editable).toBe('all')
    expect(all.drafts.map((d: { country: string }) => d.country)).toEqual(['FR', 'JP'])

    expect((await call('POST', '/api/v1/advisories/FR/publish', duty)).statusCode).toBe(200)
    const after = (await call('GET', '/api/v1/advisories/drafts', duty)).json()
    expect(after.drafts.map((d: { country: string }) => d.country)).toEqual(['JP'])
  })

  it('keeps citizens and anonymous callers out', async () => {
    const citizen = await registerCitizen(rt.app)
    expectProblem(await call('GET', '/api/v1/advisories/drafts', citizen.cookie), 403, 'auth.forbidden')
    expectProblem(await call('GET', '/api/v1/advisories/drafts'), 401, 'auth.unauthenticated')
  })
})
