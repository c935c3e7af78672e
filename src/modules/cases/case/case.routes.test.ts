import { describe, expect, it } from 'vitest'
import {
  citizenWithPhone,
  newPhone,
  OSAKA,
  PARIS,
  TOKYO,
  withCasesRuntime,
} from '../../../../test/helpers/cases.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()

const open = async (body: object, cookie = staff.operator.cookie) => {
  const res = await call('POST', '/api/v1/cases', cookie, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const UNKNOWN = '01900000-0000-7000-8000-000000000000'

describe('POST /api/v1/cases', () => {
  it('opens a case with a reference, a suggested priority, the routed mission and a first-response due', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    const c = await open({
      type: 'detention',
      summary: 'Arrested in Tokyo',
      ...TOKYO,
      people: [{ phone: citizen.phone }],
    })
    expect(c).toMatchObject({
      status: 'new',
      priority: 'P2',
      type: 'detention',
      country: 'JP',
      mission: { code: 'JP-TYO-EMB', name: { en: expect.any(String), 'zh-CN': expect.any(String) } },
      needToKnow: false,
      people: [{ personId: citizen.userId, phone: citizen.phone, person: { nameZh: '张伟' } }],
      timeline: [
        expect.objectContaining({
          kind: 'created',
          by: expect.objectContaining({ id: staff.operator.userId }),
        }),
      ],
      slaBreached: null,
    })
    expect(c.reference).toMatch(/^C-\d{4}-\d{6}$/)
    expect(new Date(c.firstResponseDue).getTime() - new Date(c.createdAt).getTime()).toBe(60 * 60_000)
  })

  it('routes by consular district: Osaka to the consulate, Tokyo to the embassy, a country alone to its embassy', async () => {
    expect((await open({ type: 'other', summary: 'o', ...OSAKA })).mission.code).toBe('JP-OSA-CG')
    expect((await open({ type: 'other', summary: 't', ...TOKYO })).mission.code).toBe('JP-TYO-EMB')
    expect((await open({ type: 'other', summary: 'f', country: 'FR' })).mission.code).toBe('FR-PAR-EMB')
    const nowhere = await open({ type: 'other', summary: 'no place' })
    expect(nowhere.mission).toBeNull()
    const shanghai = await open({ type: 'other', summary: 'in China', lat: 31.23, lon: 121.47 })
    expect(shanghai).toMatchObject({ mission: null, country: 'CN' })
  })

  it('routes by where the person is now when nothing else is known', async () => {
    const citizen = await citizenWithPhone(runtime().app, OSAKA)
    const c = await open({ type: 'medical', summary: 'Ill', people: [{ personId: citizen.userId }] })
    expect(c.mission.code).toBe('JP-OSA-CG')
  })

  it('suggests the priority from type and answers', async () => {
    expect((await open({ type: 'missing_person', summary: 'm', country: 'FR' })).priority).toBe('P1')
    expect((await open({ type: 'lost_documents', summary: 'l', country: 'FR' })).priority).toBe('P3')
    expect((await open({ type: 'other', summary: 'o', country: 'FR' })).priority).toBe('P4')
    const injured = await open({ type: 'fraud', summary: 'f', country: 'FR', answers: { injured: true } })
    expect(injured.priority).toBe('P2')
    const child = await open({
      type: 'lost_documents',
      summary: 'c',
      country: 'FR',
      answers: { minorInvolved: true },
    })
    expect(child.priority).toBe('P2')
    const life = await open({
      type: 'dispute',
      summary: 'd',
      country: 'FR',
      answers: { lifeThreatening: true },
    })
    expect(life).toMatchObject({ priority: 'P1', answers: { lifeThreatening: true } })
  })

  it('refuses a possible duplicate unless forced, and links the contact it came from', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    const contact = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { phone: citizen.phone },
      summary: 'My wallet and passport were stolen',
      ...PARIS,
    })
    const first = await open({
      type: 'lost_documents',
      summary: 'Stolen passport',
      contactId: contact.json().id,
    })
    expect(first).toMatchObject({ mission: { code: 'FR-PAR-EMB' }, people: [{ personId: citizen.userId }] })
    expect(first.timeline.map((e: { kind: string }) => e.kind)).toEqual(['contact', 'created'])
    const again = await call('POST', '/api/v1/cases', staff.operator.cookie, {
      type: 'lost_documents',
      summary: 'Calls again',
      people: [{ personId: citizen.userId }],
    })
    expectProblem(again, 409, 'case.possible_duplicate')
    expect(again.json()).toMatchObject({ existingCaseId: first.id, existingReference: first.reference })
    const forced = await open({
      type: 'lost_documents',
      summary: 'Other trip',
      people: [{ personId: citizen.userId }],
      force: true,
    })
    expect(forced.id).not.toBe(first.id)
    // Another type for the same person is another incident.
    await open({ type: 'medical', summary: 'Ill too', people: [{ personId: citizen.userId }] })
    // The contact now belongs to the case: linking it again is refused.
    expectProblem(
      await call('POST', '/api/v1/cases', staff.operator.cookie, {
        type: 'other',
        summary: 'x',
        contactId: contact.json().id,
      }),
      409,
      'contact.already_linked',
    )
  })

  it('refuses bad input without writing anything', async () => {
    const before = await runtime()
      .ctx.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    const post = (body: object) => call('POST', '/api/v1/cases', staff.operator.cookie, body)
    expectProblem(await post({ type: 'shipwreck', summary: 's' }), 400, 'validation.failed')
    expectProblem(await post({ type: 'other' }), 400, 'validation.failed')
    expectProblem(await post({ type: 'other', summary: 's', lat: 35 }), 400, 'validation.failed')
    expectProblem(await post({ type: 'other', summary: 's', country: 'France' }), 400, 'validation.failed')
    expectProblem(
      await post({ type: 'other', summary: 's', people: [{ phone: '123' }] }),
      400,
      'contact.bad_phone',
    )
    expectProblem(
      await post({ type: 'other', summary: 's', people: [{ personId: UNKNOWN }] }),
      400,
      'case.unknown_person',
    )
    expectProblem(await post({ type: 'other', summary: 's', contactId: UNKNOWN }), 404, 'contact.not_found')
    expectProblem(await post({ type: 'other', summary: 's', team: [UNKNOWN] }), 400, 'case.bad_team_member')
    expectProblem(
      await post({ type: 'other', summary: 's', people: [{ phone: newPhone() }, { personId: UNKNOWN }] }),
      400,
      'case.unknown_person',
    )
    const after = await runtime()
      .ctx.db.selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    expect(after?.n).toBe(before?.n)
  })

  it('is for hotline staff only', async () => {
    const citizen = await registerCitizen(runtime().app)
    const body = { type: 'other', summary: 's' }
    expectProblem(await call('POST', '/api/v1/cases', citizen.cookie, body), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/cases', undefined, body), 401, 'auth.unauthenticated')
    expectProblem(await call('GET', '/api/v1/cases', citizen.cookie), 403, 'auth.forbidden')
    expectProblem(await call('GET', `/api/v1/cases/${UNKNOWN}`), 401, 'auth.unauthenticated')
    expectProblem(await call('GET', `/api/v1/cases/${UNKNOWN}`, citizen.cookie), 403, 'auth.forbidden')
  })
})

describe('GET /api/v1/cases and /cases/{id}: scope', () => {
  it('shows a Tokyo case to the Tokyo officer, operators and duty officers; Paris gets 404', async () => {
    const c = await open({ type: 'accident', summary: 'Car accident', ...TOKYO })
    for (const s of [staff.tokyo, staff.operator, staff.duty]) {
      const res = await call('GET', `/api/v1/cases/${c.id}`, s.cookie)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ id: c.id, timeline: [expect.objectContaining({ kind: 'created' })] })
    }
    expectProblem(await call('GET', `/api/v1/cases/${c.id}`, staff.paris.cookie), 404, 'case.not_found')
    expectProblem(
      await call('POST', `/api/v1/cases/${c.id}/events`, staff.paris.cookie, { kind: 'note', note: 'x' }),
      404,
      'case.not_found',
    )
    const parisList = await call('GET', '/api/v1/cases?mission=JP-TYO-EMB', staff.paris.cookie)
    expect(parisList.json().items).toEqual([])
    const tokyoList = await call('GET', '/api/v1/cases?mission=JP-TYO-EMB&type=accident', staff.tokyo.cookie)
    expect(tokyoList.json().items.map((x: { id: string }) => x.id)).toContain(c.id)
    expectProblem(await call('GET', '/api/v1/cases/not-a-uuid', staff.tokyo.cookie), 400, 'validation.failed')
  })

  it('hides a need-to-know case from everyone but its assignee, team and duty officers', async () => {
    const kidnap = await open({ type: 'kidnapping', summary: 'Taken', ...TOKYO, team: [staff.paris.userId] })
    expect(kidnap).toMatchObject({ needToKnow: true, priority: 'P1' })
    expectProblem(
      await call('GET', `/api/v1/cases/${kidnap.id}`, staff.operator.cookie),
      404,
      'case.not_found',
    )
    expectProblem(await call('GET', `/api/v1/cases/${kidnap.id}`, staff.tokyo.cookie), 404, 'case.not_found')
    expect((await call('GET', `/api/v1/cases/${kidnap.id}`, staff.duty.cookie)).statusCode).toBe(200)
    // The Paris officer is on the team: sees it though it is Tokyo's.
    expect((await call('GET', `/api/v1/cases/${kidnap.id}`, staff.paris.cookie)).statusCode).toBe(200)
    const ids = async (cookie: string) =>
      (await call('GET', '/api/v1/cases?type=kidnapping', cookie))
        .json()
        .items.map((x: { id: string }) => x.id)
    expect(await ids(staff.operator.cookie)).not.toContain(kidnap.id)
    expect(await ids(staff.tokyo.cookie)).not.toContain(kidnap.id)
    expect(await ids(staff.duty.cookie)).toContain(kidnap.id)
    // Assigning the Tokyo officer lets them in.
    const assigned = await call('POST', `/api/v1/cases/${kidnap.id}/events`, staff.duty.cookie, {
      kind: 'assignment',
      assigneeId: staff.tokyo.userId,
    })
    expect(assigned.statusCode, assigned.body).toBe(201)
    expect((await call('GET', `/api/v1/cases/${kidnap.id}`, staff.tokyo.cookie)).statusCode).toBe(200)
    const marked = await open({ type: 'medical', summary: 'VIP', country: 'FR', needToKnow: true })
    expectProblem(await call('GET', `/api/v1/cases/${marked.id}`, staff.paris.cookie), 404, 'case.not_found')
  })

  it('audits every view', async () => {
    const c = await open({ type: 'fraud', summary: 'f', country: 'JP' })
    await call('GET', `/api/v1/cases/${c.id}`, staff.tokyo.cookie)
    const rows = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'case.view')
      .where('subject_id', '=', c.id)
      .execute()
    expect(rows).toEqual([{ actor_id: staff.tokyo.userId }])
  })

  it('filters by status and priority, and pages with the cursor', async () => {
    for (const summary of ['p1', 'p2', 'p3']) await open({ type: 'death', summary, country: 'DE' })
    const page1 = await call(
      'GET',
      '/api/v1/cases?mission=DE-BER-EMB&priority=P1&status=new&limit=2',
      staff.duty.cookie,
    )
    expect(page1.statusCode, page1.body).toBe(200)
    expect(page1.json().items.map((x: { summary: string }) => x.summary)).toEqual(['p3', 'p2'])
    const page2 = await call(
      'GET',
      `/api/v1/cases?mission=DE-BER-EMB&priority=P1&status=new&limit=2&cursor=${page1.json().nextCursor}`,
      staff.duty.cookie,
    )
    expect(page2.json()).toMatchObject({ items: [{ summary: 'p1' }], nextCursor: null })
    expectProblem(await call('GET', '/api/v1/cases?status=lost', staff.duty.cookie), 400, 'validation.failed')
    expectProblem(await call('GET', '/api/v1/cases?priority=P9', staff.duty.cookie), 400, 'validation.failed')
  })
})

describe('OpenAPI', () => {
  it('documents every cases route', async () => {
    const doc = (await runtime().app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const path of [
      '/api/v1/contacts',
      '/api/v1/me/help',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/events',
      '/api/v1/cases/{id}/contacts',
      '/api/v1/cases/{id}/detention',
      '/api/v1/cases/board',
      '/api/v1/cases/stats',
      '/api/v1/cases/export.csv',
    ])
      expect(Object.keys(doc.paths)).toContain(path)
    expect(doc.paths['/api/v1/cases'].post.requestBody).toBeDefined()
  })
})
