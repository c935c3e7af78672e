import { beforeAll, describe, expect, it } from 'vitest'
import { alertBody, createAlert, sendAndWait } from '../../../../test/helpers/alerts.ts'
import { createCrisis, TOKYO_AREA, travellerTo } from '../../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen, type Session } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }
const OSAKA = { lat: 34.69, lon: 135.5, country: 'JP' }

interface Person {
  id: string
  inArea: boolean
  where: { lat: number; lon: number; source: string } | null
  answer: string | null
  answeredAt: string | null
}
interface Manifest {
  people: Person[]
  counts: { peopleInArea: number; total: number }
}

/** A traveller who gave the country only: no point, so the area places them by the country it touches. */
async function countryOnlyTraveller(country: string): Promise<Session> {
  const s = await registerCitizen(runtime().app)
  const trip = await call('POST', '/api/v1/me/trips', s.cookie, {
    destinations: [{ country }],
    startDate: dayFromToday(-1),
    endDate: dayFromToday(5),
  })
  expect(trip.statusCode, trip.body).toBe(201)
  return s
}

/** CAP's "lat,lon" ring of the same polygon the crisis was drawn with. */
const capPolygon = TOKYO_AREA.coordinates[0]?.map(([lon, lat]) => `${lat},${lon}`).join(' ') ?? ''

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')

/** A draft over the crisis's polygon, effective now and expiring within the hour. */
async function draftOverTokyo() {
  return createAlert(
    runtime().app,
    staff.duty,
    alertBody({
      area: { areaDesc: 'Tokyo', polygon: [capPolygon] },
      info: { effective: iso(Date.now()), expires: iso(Date.now() + 50 * 60_000) },
    }),
  )
}

const manifest = async (crisisId: string) => {
  const res = await call('GET', `/api/v1/crises/${crisisId}/manifest?limit=1000`, staff.duty)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Manifest
}

let crisisId: string
let pointed: Session
let countryOnly: Session
let elsewhere: Session
let france: Session
beforeAll(async () => {
  pointed = await travellerTo(runtime().app, TOKYO)
  countryOnly = await countryOnlyTraveller('JP')
  elsewhere = await travellerTo(runtime().app, OSAKA)
  france = await countryOnlyTraveller('FR')
  crisisId = (await createCrisis(runtime().app, staff.duty)).id
})

describe('the crisis manifest counts whom an alert over the same area reaches', () => {
  it('lists a traveller placed only by the country the area touches, in the area with no point', async () => {
    const m = await manifest(crisisId)
    const byId = new Map(m.people.map((p) => [p.id, p]))
    expect(byId.get(pointed.userId)).toMatchObject({ inArea: true, where: { source: 'trip' } })
    expect(byId.get(countryOnly.userId)).toMatchObject({ inArea: true, where: null, answer: null })
    expect(byId.has(elsewhere.userId)).toBe(false)
    expect(byId.has(france.userId)).toBe(false)
  })

  it('has peopleInArea equal to the reach of a draft alert over the polygon', async () => {
    const draft = await draftOverTokyo()
    const m = await manifest(crisisId)
    expect(m.counts.peopleInArea).toBeGreaterThanOrEqual(2)
    expect(m.counts.peopleInArea).toBe(draft.reach.people)
  })

  it('lets a person on the manifest by country be given a status', async () => {
    const res = await call(
      'POST',
      `/api/v1/crises/${crisisId}/people/${countryOnly.userId}`,
      staff.operator,
      {
        status: 'safe',
      },
    )
    expect(res.statusCode, res.body).toBe(200)
  })
})

describe('POST /api/v1/crises/{id}/alerts', () => {
  it('links a draft, once, and the crisis lists it', async () => {
    const draft = await draftOverTokyo()
    const first = await call('POST', `/api/v1/crises/${crisisId}/alerts`, staff.officerTokyo, {
      alertId: draft.id,
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json().alertIds).toContain(draft.id)
    const again = await call('POST', `/api/v1/crises/${crisisId}/alerts`, staff.duty, { alertId: draft.id })
    expect(again.statusCode).toBe(201)
    expect((again.json().alertIds as string[]).filter((id) => id === draft.id)).toHaveLength(1)
  })

  it('refuses an alert that does not exist and a crisis the officer may not see', async () => {
    expectProblem(
      await call('POST', `/api/v1/crises/${crisisId}/alerts`, staff.duty, {
        alertId: '01900000-0000-7000-8000-000000000000',
      }),
      404,
      'alert.not_found',
    )
    const draft = await draftOverTokyo()
    const paris = await call('POST', `/api/v1/crises/${crisisId}/alerts`, staff.officerParis, {
      alertId: draft.id,
    })
    expect(paris.statusCode).toBe(404)
  })

  it("shows each person's latest answer to the linked alerts, null before they answer", async () => {
    const alert = await draftOverTokyo()
    const linked = await call('POST', `/api/v1/crises/${crisisId}/alerts`, staff.duty, { alertId: alert.id })
    expect(linked.statusCode, linked.body).toBe(201)
    await sendAndWait(runtime().app, staff.duty, alert.id)
    const before = await manifest(crisisId)
    expect(before.people.find((p) => p.id === pointed.userId)?.answer).toBeNull()

    for (const [who, answer] of [
      [pointed, 'safe'],
      [countryOnly, 'need_help'],
    ] as const) {
      const res = await call('POST', `/api/v1/me/alerts/${alert.id}/answer`, who.cookie, { answer })
      expect(res.statusCode, res.body).toBe(200)
    }
    const after = await manifest(crisisId)
    const byId = new Map(after.people.map((p) => [p.id, p]))
    expect(byId.get(pointed.userId)).toMatchObject({ answer: 'safe' })
    expect(byId.get(pointed.userId)?.answeredAt).toEqual(expect.any(String))
    expect(byId.get(countryOnly.userId)).toMatchObject({ answer: 'need_help' })

    const csv = await call('GET', `/api/v1/crises/${crisisId}/manifest.csv`, staff.duty)
    expect(csv.body.split('\r\n')[0]).toMatch(/,answer$/)
    expect(csv.body).toContain(`${pointed.userId},`)
  })

  it('an answer to an alert not linked to the crisis is not shown', async () => {
    const other = await createCrisis(runtime().app, staff.duty, { name: 'Other' })
    const m = await manifest(other.id)
    expect(m.people.find((p) => p.id === pointed.userId)?.answer).toBeNull()
  })
})
