import { beforeAll, describe, expect, it } from 'vitest'
import { createCrisis, travellerTo } from '../../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../../test/helpers/demo-runtime.ts'
import { expectProblem, type Session } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }
const OSAKA = { lat: 34.69, lon: 135.5, country: 'JP' }

let crisisId: string
let inside: Session
let outside: Session
beforeAll(async () => {
  crisisId = (await createCrisis(runtime().app, staff.duty)).id
  inside = await travellerTo(runtime().app, TOKYO)
  outside = await travellerTo(runtime().app, OSAKA)
})

const answer = (cookie: string, body: object, id = crisisId) =>
  call('POST', `/api/v1/me/crises/${id}/status`, cookie, body)

describe('GET /api/v1/me/crises', () => {
  it('lists the active crises where I am registered in the area, with my status', async () => {
    const mine = await call('GET', '/api/v1/me/crises', inside.cookie)
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json().crises).toContainEqual(
      expect.objectContaining({
        id: crisisId,
        name: 'Tokyo earthquake',
        country: 'JP',
        myStatus: 'unaccounted',
      }),
    )
    const theirs = (await call('GET', '/api/v1/me/crises', outside.cookie)).json().crises as { id: string }[]
    expect(theirs.map((c) => c.id)).not.toContain(crisisId)
    expectProblem(await call('GET', '/api/v1/me/crises', staff.duty), 403, 'auth.forbidden')
    expectProblem(await call('GET', '/api/v1/me/crises'), 401, 'auth.unauthenticated')
  })

  it('leaves out crises not started yet and closed ones', async () => {
    const later = await createCrisis(runtime().app, staff.duty, { startsAt: '2099-01-01T00:00:00Z' })
    const closed = await createCrisis(runtime().app, staff.duty)
    await call('POST', `/api/v1/crises/${closed.id}/close`, staff.duty)
    const ids = (
      (await call('GET', '/api/v1/me/crises', inside.cookie)).json().crises as { id: string }[]
    ).map((c) => c.id)
    expect(ids).not.toContain(later.id)
    expect(ids).not.toContain(closed.id)
    expectProblem(await answer(inside.cookie, { status: 'safe' }, closed.id), 404, 'crisis.not_found')
  })
})

describe('POST /api/v1/me/crises/{id}/status', () => {
  it('records my answer, seen by staff on the manifest', async () => {
    const res = await answer(inside.cookie, { status: 'wants_to_leave' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'wants_to_leave',
      history: [{ status: 'wants_to_leave', byPerson: true }],
    })
    const m = await call('GET', `/api/v1/crises/${crisisId}/manifest?status=wants_to_leave`, staff.operator)
    expect(m.json().people.map((p: { id: string }) => p.id)).toContain(inside.userId)
    const mine = (await call('GET', '/api/v1/me/crises', inside.cookie)).json().crises
    expect(mine.find((c: { id: string }) => c.id === crisisId).myStatus).toBe('wants_to_leave')
  })

  it('needs_help records a P1 help request for the hotline, linked to the crisis', async () => {
    const person = await travellerTo(runtime().app, TOKYO)
    const res = await answer(person.cookie, { status: 'needs_help', note: 'Injured leg' })
    expect(res.statusCode, res.body).toBe(200)
    const contacts = (await call('GET', '/api/v1/contacts?channel=app', staff.operator)).json().contacts
    expect(contacts[0]).toMatchObject({
      kind: 'help_request',
      priority: 'P1',
      summary: 'Tokyo earthquake: Injured leg',
      caller: { personId: person.userId },
    })
    const crisis = (await call('GET', `/api/v1/crises/${crisisId}`, staff.duty)).json()
    expect(crisis.counts.contacts).toBeGreaterThanOrEqual(1)
    expect(crisis.counts.people.needs_help).toBeGreaterThanOrEqual(1)
  })

  it('does not undo a boarding confirmed by staff', async () => {
    const person = await travellerTo(runtime().app, TOKYO)
    const point = (
      await call('POST', `/api/v1/crises/${crisisId}/assembly-points`, staff.duty, {
        name: 'Gym',
        lat: 35.7,
        lon: 139.7,
      })
    ).json().assemblyPoints[0].id
    const checkedIn = await call(
      'POST',
      `/api/v1/crises/${crisisId}/people/${person.userId}`,
      staff.operator,
      {
        status: 'checked_in',
        assemblyPointId: point,
      },
    )
    expect(checkedIn.statusCode, checkedIn.body).toBe(200)
    expect((await answer(person.cookie, { status: 'safe' })).json().status).toBe('checked_in')
  })

  it('answers 404 to someone outside the area or for an unknown crisis, 400 for a staff-only status', async () => {
    expectProblem(await answer(outside.cookie, { status: 'safe' }), 404, 'crisis.not_found')
    expectProblem(
      await answer(inside.cookie, { status: 'safe' }, '01900000-0000-7000-8000-000000000000'),
      404,
      'crisis.not_found',
    )
    expectProblem(await answer(inside.cookie, { status: 'boarded' }), 400, 'validation.failed')
    expectProblem(await answer(staff.operator, { status: 'safe' }), 403, 'auth.forbidden')
  })
})
