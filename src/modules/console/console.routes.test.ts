import { describe, expect, it } from 'vitest'
import { citizenWithPhone, OSAKA, PARIS, TOKYO, withCasesRuntime } from '../../../test/helpers/cases.ts'
import { dayFromToday, expectProblem } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()
const UNKNOWN = '01900000-0000-7000-8000-000000000000'

interface Card {
  key: string
  count: number
  href: string
}

async function overview(cookie: string) {
  const res = await call('GET', '/api/v1/console/overview', cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { cards: Card[]; waiting: { kind: string; id: string }[]; alerts: unknown[] }
}

const count = (cards: Card[], key: string) => {
  const card = cards.find((c) => c.key === key)
  if (!card) throw new Error(`no card ${key}`)
  return card.count
}

async function openCase(where: { lat: number; lon: number }, body: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type: 'medical',
    summary: 'Collapsed in the street',
    ...where,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; priority: string; mission: { code: string } | null }
}

describe('GET /api/v1/console/overview', () => {
  it('gives each role its numbers, each linking to a console list', async () => {
    const keys = async (cookie: string) => (await overview(cookie)).cards.map((c) => c.key)
    expect(await keys(staff.duty.cookie)).toEqual(
      expect.arrayContaining(['sos_open', 'p1_open', 'sla_missed', 'alerts_sending', 'advisories_pending']),
    )
    expect(await keys(staff.tokyo.cookie)).toEqual(
      expect.arrayContaining(['cases_open', 'visits_overdue', 'applications_pending', 'appointments_today']),
    )
    const operator = await keys(staff.operator.cookie)
    expect(operator).toEqual(expect.arrayContaining(['contacts_open', 'sos_open']))
    expect(operator).not.toContain('advisories_pending')
    for (const c of (await overview(staff.duty.cookie)).cards) expect(c.href).toMatch(/^\/console\//)
  })

  it('counts an SOS and a P1 case where the lists show them, in the caller’s scope', async () => {
    const before = {
      duty: await overview(staff.duty.cookie),
      tokyo: await overview(staff.tokyo.cookie),
      paris: await overview(staff.paris.cookie),
    }
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const sos = await call('POST', '/api/v1/me/help', citizen.cookie, { ...OSAKA, message: 'Help' })
    expect(sos.statusCode, sos.body).toBe(201)
    const p1 = await openCase(TOKYO, {
      people: [{ personId: citizen.userId }],
      answers: { lifeThreatening: true },
    })
    expect(p1.priority).toBe('P1')

    const duty = await overview(staff.duty.cookie)
    expect(count(duty.cards, 'sos_open')).toBe(count(before.duty.cards, 'sos_open') + 1)
    expect(count(duty.cards, 'p1_open')).toBe(count(before.duty.cards, 'p1_open') + 1)
    expect(duty.waiting.map((w) => w.id)).toEqual(expect.arrayContaining([sos.json().id, p1.id]))
    const tokyo = await overview(staff.tokyo.cookie)
    expect(count(tokyo.cards, 'cases_open')).toBe(count(before.tokyo.cards, 'cases_open') + 1)
    const paris = await overview(staff.paris.cookie)
    expect(count(paris.cards, 'cases_open')).toBe(count(before.paris.cards, 'cases_open'))

    // The number is the list behind its link.
    const href = duty.cards.find((c) => c.key === 'p1_open')?.href ?? ''
    const list = await call(
      'GET',
      `/api/v1/cases${href.slice(href.indexOf('?'))}&limit=200`,
      staff.duty.cookie,
    )
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items.length).toBe(count(duty.cards, 'p1_open'))

    // An SOS turned into a case is no longer waiting for the hotline.
    const linked = await openCase(OSAKA, { contactId: sos.json().id, force: true })
    expect(linked.id).toBeTruthy()
    const after = await overview(staff.operator.cookie)
    expect(count(after.cards, 'sos_open')).toBe(count(before.duty.cards, 'sos_open'))
  })

  it('is not for citizens', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    expectProblem(await call('GET', '/api/v1/console/overview', citizen.cookie), 403, 'auth.forbidden')
  })
})

describe('GET /api/v1/people/{id}/record', () => {
  it('shows the whole record to the hotline, and audits it with the person as subject', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const trip = await call('POST', '/api/v1/me/trips', citizen.cookie, {
      destinations: [{ country: 'JP', city: 'Osaka', ...OSAKA }],
      startDate: dayFromToday(-1),
      endDate: dayFromToday(5),
    })
    expect(trip.statusCode, trip.body).toBe(201)
    const c = await openCase(TOKYO, { people: [{ personId: citizen.userId }] })
    const res = await call('GET', `/api/v1/people/${citizen.userId}/record`, staff.operator.cookie)
    expect(res.statusCode, res.body).toBe(200)
    const record = res.json()
    expect(Object.keys(record)).toEqual(
      expect.arrayContaining(['person', 'dependants', 'residence', 'trips', 'contacts', 'cases', 'alerts']),
    )
    expect(record.person).toMatchObject({ id: citizen.userId, phone: citizen.phone, nameZh: '张伟' })
    expect(record.person.lastLocation).toMatchObject({ lat: TOKYO.lat, lon: TOKYO.lon })
    expect(record.trips[0].destinations[0]).toMatchObject({ country: 'JP', city: 'Osaka' })
    expect(record.cases.map((x: { id: string }) => x.id)).toContain(c.id)

    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['actor_id', 'subject_type', 'subject_id'])
      .where('action', '=', 'person.record')
      .where('subject_id', '=', citizen.userId)
      .execute()
    expect(audit).toEqual([
      { actor_id: staff.operator.userId, subject_type: 'person', subject_id: citizen.userId },
    ])
  })

  it('answers an officer outside the person’s districts and cases as for nobody, until a case of theirs names them', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const url = `/api/v1/people/${citizen.userId}/record`
    expect((await call('GET', url, staff.tokyo.cookie)).statusCode).toBe(200)
    const outside = await call('GET', url, staff.paris.cookie)
    const unknown = await call('GET', `/api/v1/people/${UNKNOWN}/record`, staff.paris.cookie)
    expectProblem(outside, 404, 'person.not_found')
    expect(outside.body.replaceAll(citizen.userId, '<id>')).toBe(unknown.body.replaceAll(UNKNOWN, '<id>'))
    expect(outside.body).not.toContain(citizen.phone)

    const before = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'person.record')
      .where('subject_id', '=', citizen.userId)
      .where('actor_id', '=', staff.paris.userId)
      .execute()
    expect(before).toEqual([])

    // A case at the Paris embassy about them puts them in the Paris officer's scope.
    const c = await openCase(PARIS, { people: [{ personId: citizen.userId }] })
    expect(c.mission?.code).toBe('FR-PAR-EMB')
    const now = await call('GET', url, staff.paris.cookie)
    expect(now.statusCode, now.body).toBe(200)
    expect(now.json().cases.map((x: { id: string }) => x.id)).toEqual([c.id])
  })

  it('is no record of a member of staff', async () => {
    expectProblem(
      await call('GET', `/api/v1/people/${staff.tokyo.userId}/record`, staff.duty.cookie),
      404,
      'person.not_found',
    )
  })
})
