import { beforeAll, describe, expect, it } from 'vitest'
import { createCrisis, travellerTo } from '../../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../../test/helpers/demo-runtime.ts'
import { expectProblem } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }

let crisisId: string
let pointId: string
beforeAll(async () => {
  crisisId = (await createCrisis(runtime().app, staff.duty)).id
  const res = await call('POST', `/api/v1/crises/${crisisId}/assembly-points`, staff.officerTokyo, {
    name: 'Yoyogi Park',
    lat: 35.67,
    lon: 139.69,
    opensAt: '2026-11-25T09:00:00Z',
  })
  expect(res.statusCode, res.body).toBe(201)
  pointId = res.json().assemblyPoints[0].id
})

const addLeg = (body: object, cookie = staff.duty) =>
  call('POST', `/api/v1/crises/${crisisId}/legs`, cookie, {
    name: 'Bus 1',
    mode: 'bus',
    fromPointId: pointId,
    destination: 'Narita Airport',
    departsAt: '2026-11-25T12:00:00Z',
    capacity: 1,
    ...body,
  })
const setStatus = (personId: string, body: object) =>
  call('POST', `/api/v1/crises/${crisisId}/people/${personId}`, staff.operator, body)

describe('assembly points and legs', () => {
  it('adds points and legs for managers only, refusing unknown points and bad input', async () => {
    const leg = await addLeg({ name: 'Train A', mode: 'train', capacity: 300 })
    expect(leg.statusCode, leg.body).toBe(201)
    expect(leg.json().legs).toContainEqual(
      expect.objectContaining({
        name: 'Train A',
        mode: 'train',
        capacity: 300,
        boarded: 0,
        fromPointId: pointId,
      }),
    )
    expect(leg.json().assemblyPoints[0]).toMatchObject({
      name: 'Yoyogi Park',
      lat: 35.67,
      lon: 139.69,
      checkedIn: 0,
    })
    expectProblem(await addLeg({}, staff.operator), 403, 'auth.forbidden')
    expectProblem(await addLeg({}, staff.officerParis), 404, 'crisis.not_found')
    expectProblem(
      await addLeg({ fromPointId: '01900000-0000-7000-8000-000000000000' }),
      400,
      'crisis.unknown_assembly_point',
    )
    expectProblem(await addLeg({ mode: 'zeppelin' }), 400, 'validation.failed')
    expectProblem(await addLeg({ capacity: 0 }), 400, 'validation.failed')
    expectProblem(
      await call('POST', `/api/v1/crises/${crisisId}/assembly-points`, staff.duty, {
        name: 'X',
        lat: 95,
        lon: 0,
      }),
      400,
      'validation.failed',
    )
  })
})

describe('checking in and boarding', () => {
  it('checks a person in at a point, then boards them; the leg and the point count them', async () => {
    const p = await travellerTo(runtime().app, TOKYO)
    const leg = (await addLeg({ name: 'Bus 2', capacity: 40 }))
      .json()
      .legs.find((l: { name: string }) => l.name === 'Bus 2')
    const checkedIn = await setStatus(p.userId, { status: 'checked_in', assemblyPointId: pointId })
    expect(checkedIn.json()).toMatchObject({ status: 'checked_in', assemblyPointId: pointId, legId: null })
    const crisis = (await call('GET', `/api/v1/crises/${crisisId}`, staff.duty)).json()
    expect(crisis.assemblyPoints[0].checkedIn).toBe(1)
    const boarded = await setStatus(p.userId, { status: 'boarded', legId: leg.id })
    expect(boarded.json()).toMatchObject({ status: 'boarded', legId: leg.id, assemblyPointId: pointId })
    const m = (await call('GET', `/api/v1/crises/${crisisId}/manifest`, staff.operator)).json()
    expect(m.legs.find((l: { id: string }) => l.id === leg.id)).toMatchObject({ boarded: 1, capacity: 40 })
    expect(m.people.find((x: { id: string }) => x.id === p.userId)).toMatchObject({
      status: 'boarded',
      legId: leg.id,
    })
    // boarding the same leg again takes no second seat
    expect((await setStatus(p.userId, { status: 'boarded', legId: leg.id })).statusCode).toBe(200)
  })

  it('refuses a second boarding of a full leg with 409 crisis.leg_full', async () => {
    const leg = (await addLeg({ name: 'Taxi', capacity: 1 }))
      .json()
      .legs.find((l: { name: string }) => l.name === 'Taxi')
    const a = await travellerTo(runtime().app, TOKYO)
    const b = await travellerTo(runtime().app, TOKYO)
    expect((await setStatus(a.userId, { status: 'boarded', legId: leg.id })).statusCode).toBe(200)
    expectProblem(await setStatus(b.userId, { status: 'boarded', legId: leg.id }), 409, 'crisis.leg_full')
    expect((await setStatus(b.userId, { status: 'wants_to_leave' })).json().status).toBe('wants_to_leave')
    // a seat given up is free again
    expect((await setStatus(a.userId, { status: 'safe' })).statusCode).toBe(200)
    expect((await setStatus(b.userId, { status: 'boarded', legId: leg.id })).statusCode).toBe(200)
  })

  it('lets only one of several simultaneous boardings take the last seat', async () => {
    const leg = (await addLeg({ name: 'Last boat', mode: 'ship', capacity: 1 }))
      .json()
      .legs.find((l: { name: string }) => l.name === 'Last boat')
    const people = await Promise.all([1, 2, 3, 4].map(() => travellerTo(runtime().app, TOKYO)))
    const answers = await Promise.all(
      people.map((p) => setStatus(p.userId, { status: 'boarded', legId: leg.id })),
    )
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409])
    const m = (await call('GET', `/api/v1/crises/${crisisId}`, staff.duty)).json()
    expect(m.legs.find((l: { id: string }) => l.id === leg.id).boarded).toBe(1)
  })

  it('refuses a leg of another crisis', async () => {
    const other = await createCrisis(runtime().app, staff.duty, { name: 'Other' })
    const point = (
      await call('POST', `/api/v1/crises/${other.id}/assembly-points`, staff.duty, {
        name: 'P',
        lat: 35.6,
        lon: 139.7,
      })
    ).json().assemblyPoints[0].id
    const leg = (
      await call('POST', `/api/v1/crises/${other.id}/legs`, staff.duty, {
        name: 'Elsewhere',
        mode: 'flight',
        fromPointId: point,
        destination: 'Beijing',
        departsAt: '2026-11-26T00:00:00Z',
        capacity: 200,
      })
    ).json().legs[0].id
    const p = await travellerTo(runtime().app, TOKYO)
    expectProblem(await setStatus(p.userId, { status: 'boarded', legId: leg }), 400, 'crisis.unknown_leg')
    expectProblem(
      await setStatus(p.userId, { status: 'checked_in', assemblyPointId: point }),
      400,
      'crisis.unknown_assembly_point',
    )
  })
})
