import { beforeAll, describe, expect, it } from 'vitest'
import { citizenWithPhone, OSAKA, PARIS, TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'
import { checkSla } from './sla.job.ts'

const { runtime, staff, call } = withCasesRuntime()
const ids: Record<string, string> = {}

async function open(name: string, body: object) {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, { summary: name, ...body })
  expect(res.statusCode, res.body).toBe(201)
  ids[name] = res.json().id
  return res.json()
}
const event = (name: string, body: object) =>
  call('POST', `/api/v1/cases/${ids[name]}/events`, staff.duty.cookie, body)

beforeAll(async () => {
  await open('accident-1', { type: 'accident', ...TOKYO })
  await open('accident-2', { type: 'accident', ...TOKYO })
  await open('medical', { type: 'medical', ...OSAKA })
  await open('fraud', { type: 'fraud', ...PARIS })
  await open('=HYPERLINK("x")', { type: 'other', ...PARIS })
  await open('kidnap', { type: 'kidnapping', ...TOKYO })
  const a = await citizenWithPhone(runtime().app)
  const b = await citizenWithPhone(runtime().app)
  await open('missing', {
    type: 'missing_person',
    ...TOKYO,
    people: [{ personId: a.userId }, { personId: b.userId }],
  })
  for (const s of ['in_progress', 'resolved']) await event('missing', { kind: 'status', status: s })
  await event('kidnap', { kind: 'status', status: 'in_progress' })
  await event('kidnap', { kind: 'status', status: 'resolved', rescued: 3 })
  await open('old', { type: 'dispute', ...TOKYO })
  await runtime()
    .ctx.db.updateTable('cases')
    .set({ created_at: new Date(Date.now() - 2 * 86_400_000) })
    .where('id', '=', ids.old ?? '')
    .execute()
  const breached = await open('late', { type: 'death', ...TOKYO })
  await checkSla(
    runtime().ctx,
    { caseId: breached.id, kind: 'firstResponse', due: breached.firstResponseDue },
    new Date(Date.now() + 3_600_000),
  )
  for (const summary of ['c1', 'c2'])
    await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { name: 'N' },
      summary,
      ...TOKYO,
    })
  await call('POST', '/api/v1/me/help', a.cookie, { message: 'SOS', ...PARIS })
})

describe('GET /api/v1/cases/board', () => {
  it('counts open cases by mission, type, priority and age, with SLA misses, for a duty officer', async () => {
    const res = await call('GET', '/api/v1/cases/board', staff.duty.cookie)
    expect(res.statusCode, res.body).toBe(200)
    const b = res.json()
    expect(b).toMatchObject({ open: 7, slaBreached: 1, visitsOverdue: 0 })
    const byMission = Object.fromEntries(
      b.byMission.map((m: { mission: { code: string }; open: number }) => [m.mission.code, m.open]),
    )
    expect(byMission).toEqual({ 'JP-TYO-EMB': 4, 'JP-OSA-CG': 1, 'FR-PAR-EMB': 2 })
    expect(b.byType).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'accident', open: 2 }),
        expect.objectContaining({ type: 'death', open: 1, slaBreached: 1 }),
      ]),
    )
    expect(b.byPriority.map((p: { priority: string }) => p.priority)).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(b.byAge).toEqual([
      expect.objectContaining({ bucket: 'under_1h', open: 6 }),
      expect.objectContaining({ bucket: '1h_24h', open: 0 }),
      expect.objectContaining({ bucket: '1d_7d', open: 1 }),
      expect.objectContaining({ bucket: 'over_7d', open: 0 }),
    ])
  })

  it('counts only what the caller may see: an officer their missions', async () => {
    const tokyo = (await call('GET', '/api/v1/cases/board', staff.tokyo.cookie)).json()
    expect(tokyo.open).toBe(4)
    expect(tokyo.byMission).toEqual([
      expect.objectContaining({ mission: expect.objectContaining({ code: 'JP-TYO-EMB' }), open: 4 }),
    ])
    expect((await call('GET', '/api/v1/cases/board', staff.paris.cookie)).json().open).toBe(2)
  })
})

describe('GET /api/v1/cases/stats', () => {
  it('reports the year: contacts received, cases handled, people rescued, contacts per hour', async () => {
    const year = new Date().getUTCFullYear()
    const res = await call('GET', `/api/v1/cases/stats?year=${year}`, staff.duty.cookie)
    expect(res.statusCode, res.body).toBe(200)
    const s = res.json()
    // The rescued count given on the kidnapping, and the two people of the missing-person case.
    expect(s).toMatchObject({
      year,
      contactsReceived: 3,
      helpRequests: 1,
      casesOpened: 9,
      casesHandled: 2,
      peopleRescued: 5,
    })
    expect(s.contactsPerHour).toHaveLength(24)
    expect(s.contactsPerHour.at(-1).count).toBe(3)
    const tokyo = (await call('GET', `/api/v1/cases/stats?year=${year}`, staff.tokyo.cookie)).json()
    expect(tokyo).toMatchObject({ contactsReceived: 2, helpRequests: 0, casesOpened: 6, peopleRescued: 5 })
    expectProblem(
      await call('GET', '/api/v1/cases/stats?year=1999', staff.duty.cookie),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('GET', '/api/v1/cases/stats?year=soon', staff.duty.cookie),
      400,
      'validation.failed',
    )
  })
})

describe('GET /api/v1/cases/export.csv', () => {
  it('exports the cases in scope, safe to open in a spreadsheet, and audits it', async () => {
    const res = await call('GET', '/api/v1/cases/export.csv?open=true', staff.paris.cookie)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^reference,type,status,priority,mission/)
    expect(lines).toHaveLength(3)
    expect(lines.every((l) => l === lines[0] || l.includes('FR-PAR-EMB'))).toBe(true)
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`)
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'case.export')
      .execute()
    expect(audit).toEqual([{ actor_id: staff.paris.userId }])
  })
})

describe('who may see the board', () => {
  it('is for hotline staff only', async () => {
    const citizen = await registerCitizen(runtime().app)
    for (const url of ['/api/v1/cases/board', '/api/v1/cases/stats', '/api/v1/cases/export.csv']) {
      expectProblem(await call('GET', url, citizen.cookie), 403, 'auth.forbidden')
      expectProblem(await call('GET', url), 401, 'auth.unauthenticated')
    }
  })
})
