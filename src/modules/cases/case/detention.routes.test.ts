import { describe, expect, it } from 'vitest'
import { TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

async function detentionCase(type = 'detention') {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type,
    summary: 'Held by police',
    ...TOKYO,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const putDetention = (id: string, body: object, cookie = staff.tokyo.cookie) =>
  call('PUT', `/api/v1/cases/${id}/detention`, cookie, body)
const details = (over: object = {}) => ({
  arrestedAt: daysAgo(3),
  authorityNotifiedAt: daysAgo(2),
  facility: 'Tokyo Detention House',
  charges: 'Overstaying a visa',
  lawyer: 'Sato Law Office',
  trialDates: [dayFromToday(60), dayFromToday(30), dayFromToday(30)],
  ...over,
})

describe('PUT /api/v1/cases/{id}/detention', () => {
  it('records the detention; the first visit falls due a week after the authority notified the mission', async () => {
    const c = await detentionCase()
    const res = await putDetention(c.id, details())
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.detention).toMatchObject({
      facility: 'Tokyo Detention House',
      charges: 'Overstaying a visa',
      lawyer: 'Sato Law Office',
      trialDates: [dayFromToday(30), dayFromToday(60)],
    })
    expect(new Date(body.nextVisitDue).getTime()).toBe(
      new Date(body.detention.authorityNotifiedAt).getTime() + 7 * DAY,
    )
    expect(body.visitOverdue).toBe(false)
    expect(body.timeline.at(-1)).toMatchObject({ kind: 'detention', details: { recorded: 'created' } })
    expect(body.firstResponseAt).not.toBeNull()
  })

  it('flags an overdue visit on the case and in lists; logging the visit moves the next one 90 days on', async () => {
    const c = await detentionCase()
    const late = (
      await putDetention(c.id, details({ arrestedAt: daysAgo(30), authorityNotifiedAt: daysAgo(20) }))
    ).json()
    expect(late.visitOverdue).toBe(true)
    const overdue = (await call('GET', '/api/v1/cases?visitOverdue=true', staff.tokyo.cookie)).json()
    expect(overdue.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: c.id, visitOverdue: true })]),
    )
    const board = (await call('GET', '/api/v1/cases/board', staff.tokyo.cookie)).json()
    expect(board.visitsOverdue).toBeGreaterThanOrEqual(1)

    const visitAt = new Date(Date.now() - 3_600_000).toISOString()
    const visited = await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, {
      kind: 'visit',
      at: visitAt,
      note: 'In good health; asked for books',
    })
    expect(visited.statusCode, visited.body).toBe(201)
    expect(visited.json()).toMatchObject({ visitOverdue: false })
    expect(new Date(visited.json().nextVisitDue).getTime()).toBe(new Date(visitAt).getTime() + 90 * DAY)
    expect(visited.json().timeline.find((e: { kind: string }) => e.kind === 'visit')).toMatchObject({
      kind: 'visit',
      at: visitAt,
      note: 'In good health; asked for books',
    })
    const still = (await call('GET', '/api/v1/cases?visitOverdue=true', staff.tokyo.cookie)).json()
    expect(still.items.map((x: { id: string }) => x.id)).not.toContain(c.id)
  })

  it('counts from the arrest when the notification date is unknown, and changes the record in place', async () => {
    const c = await detentionCase()
    await putDetention(c.id, details({ arrestedAt: daysAgo(10), authorityNotifiedAt: null }))
    const changed = (
      await putDetention(
        c.id,
        details({ arrestedAt: daysAgo(10), authorityNotifiedAt: null, facility: 'Moved' }),
      )
    ).json()
    expect(changed).toMatchObject({
      visitOverdue: true,
      detention: { facility: 'Moved', authorityNotifiedAt: null },
    })
    expect(changed.timeline.at(-1)).toMatchObject({ details: { recorded: 'changed' } })
  })

  it('refuses bad detention records and visits', async () => {
    const c = await detentionCase()
    expectProblem(
      await putDetention(c.id, details({ authorityNotifiedAt: daysAgo(5), arrestedAt: daysAgo(3) })),
      400,
      'detention.dates_inverted',
    )
    expectProblem(
      await putDetention(c.id, details({ arrestedAt: new Date(Date.now() + 2 * DAY).toISOString() })),
      400,
      'detention.in_future',
    )
    expectProblem(await putDetention(c.id, details({ facility: '' })), 400, 'validation.failed')
    expectProblem(await putDetention(c.id, details({ trialDates: ['2026-13-01'] })), 400, 'validation.failed')
    const { charges: _, ...noCharges } = details()
    expectProblem(await putDetention(c.id, noCharges), 400, 'validation.failed')
    const medical = await detentionCase('medical')
    expectProblem(await putDetention(medical.id, details()), 409, 'case.not_detention')
    expectProblem(await putDetention(c.id, details(), staff.paris.cookie), 404, 'case.not_found')

    const visit = (body: object) =>
      call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, { kind: 'visit', ...body })
    expectProblem(await visit({ note: 'x' }), 400, 'case.visit_at_required')
    expectProblem(await visit({ at: daysAgo(1) }), 400, 'case.note_required')
    expectProblem(
      await visit({ at: new Date(Date.now() + DAY).toISOString(), note: 'x' }),
      400,
      'case.visit_in_future',
    )
    const unchanged = (await call('GET', `/api/v1/cases/${c.id}`, staff.tokyo.cookie)).json()
    expect(unchanged.detention).toBeNull()
  })

  it('is for hotline staff only', async () => {
    const c = await detentionCase()
    const citizen = await registerCitizen(runtime().app)
    expectProblem(await putDetention(c.id, details(), citizen.cookie), 403, 'auth.forbidden')
    expectProblem(
      await call('PUT', `/api/v1/cases/${c.id}/detention`, undefined, details()),
      401,
      'auth.unauthenticated',
    )
  })
})
