import { beforeAll, describe, expect, it } from 'vitest'
import { createCrisis, travellerTo } from '../../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../../test/helpers/demo-runtime.ts'
import { expectProblem, type Session } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }
const OSAKA = { lat: 34.69, lon: 135.5, country: 'JP' }

interface Person {
  id: string
  status: string
  nameLatin: string | null
  nameZh: string | null
  where: { lat: number; lon: number; source: string } | null
}

let crisisId: string
let inside: Session
let outside: Session
let ended: Session
beforeAll(async () => {
  inside = await travellerTo(runtime().app, TOKYO)
  outside = await travellerTo(runtime().app, OSAKA)
  ended = await travellerTo(runtime().app, TOKYO, [-6, -2])
  crisisId = (await createCrisis(runtime().app, staff.duty)).id
})

const manifest = async (query = '', cookie = staff.operator) => {
  const res = await call('GET', `/api/v1/crises/${crisisId}/manifest${query}`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { people: Person[]; counts: Record<string, unknown>; nextCursor: string | null }
}
const ids = (m: { people: Person[] }) => m.people.map((p) => p.id)
const setStatus = (personId: string, body: object, cookie = staff.operator) =>
  call('POST', `/api/v1/crises/${crisisId}/people/${personId}`, cookie, body)

describe('GET /api/v1/crises/{id}/manifest', () => {
  it('lists people whose trip puts them in the area now, not those elsewhere or whose trip ended', async () => {
    const m = await manifest()
    expect(ids(m)).toContain(inside.userId)
    expect(ids(m)).not.toContain(outside.userId)
    expect(ids(m)).not.toContain(ended.userId)
    expect(m.people.find((p) => p.id === inside.userId)).toMatchObject({
      nameLatin: 'CHEN JING',
      nameZh: '陈静',
      status: 'unaccounted',
      inArea: true,
      where: { lat: TOKYO.lat, lon: TOKYO.lon, source: 'trip' },
      dependants: 0,
    })
  })

  it('places someone by a fresh "I am here now" before a trip', async () => {
    const moved = await travellerTo(runtime().app, OSAKA)
    const loc = await call('PUT', '/api/v1/me/location', moved.cookie, { lat: 35.7, lon: 139.8 })
    expect(loc.statusCode, loc.body).toBe(200)
    const person = (await manifest()).people.find((p) => p.id === moved.userId)
    expect(person?.where).toEqual({ lat: 35.7, lon: 139.8, source: 'location' })
  })

  it('pages with limit and cursor without repeating anyone', async () => {
    const all = ids(await manifest('?limit=1000'))
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await manifest(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...ids(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
    expectProblem(
      await call('GET', `/api/v1/crises/${crisisId}/manifest?limit=5000`, staff.duty),
      400,
      'validation.failed',
    )
  })

  it('audits every read, and refuses citizens', async () => {
    await manifest('', staff.officerTokyo)
    const rows = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_roles'])
      .where('action', '=', 'crisis.manifest')
      .where('subject_id', '=', crisisId)
      .execute()
    expect(rows.some((r) => r.actor_roles.includes('officer'))).toBe(true)
    expectProblem(
      await call('GET', `/api/v1/crises/${crisisId}/manifest`, inside.cookie),
      403,
      'auth.forbidden',
    )
  })
})

describe('POST /api/v1/crises/{id}/people/{personId}', () => {
  it('sets statuses, keeps their history, and counts and filters by status', async () => {
    const before = (await manifest()).counts as { byStatus: Record<string, number> }
    const safe = await setStatus(inside.userId, { status: 'safe', note: 'Called, at the hotel' })
    expect(safe.statusCode, safe.body).toBe(200)
    const leave = await setStatus(inside.userId, { status: 'wants_to_leave' })
    expect(leave.json()).toMatchObject({
      personId: inside.userId,
      status: 'wants_to_leave',
      history: [
        { status: 'safe', note: 'Called, at the hotel', byPerson: false },
        { status: 'wants_to_leave', byPerson: false },
      ],
    })
    const after = (await manifest()).counts as { byStatus: Record<string, number> }
    expect(after.byStatus.wants_to_leave).toBe((before.byStatus.wants_to_leave ?? 0) + 1)
    expect(after.byStatus.unaccounted).toBe((before.byStatus.unaccounted ?? 0) - 1)
    expect(ids(await manifest('?status=wants_to_leave'))).toEqual([inside.userId])
    expect(ids(await manifest('?status=unaccounted'))).not.toContain(inside.userId)
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'crisis.person_status')
      .where('subject_id', '=', crisisId)
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it('keeps on the manifest someone with a status who has since left the area', async () => {
    const leaver = await travellerTo(runtime().app, TOKYO)
    expect((await setStatus(leaver.userId, { status: 'left_area' })).statusCode).toBe(200)
    await call('PUT', '/api/v1/me/location', leaver.cookie, { lat: OSAKA.lat, lon: OSAKA.lon })
    const trips = (await call('GET', '/api/v1/me/trips', leaver.cookie)).json() as { id: string }[]
    expect(trips).toHaveLength(1)
    for (const trip of trips)
      expect((await call('DELETE', `/api/v1/me/trips/${trip.id}`, leaver.cookie)).statusCode).toBe(204)
    const person = (await manifest('?status=left_area')).people.find((p) => p.id === leaver.userId)
    expect(person).toMatchObject({ inArea: false, where: null, status: 'left_area' })
  })

  it('refuses people not on the manifest, bad combinations and unknown statuses', async () => {
    expectProblem(await setStatus(outside.userId, { status: 'safe' }), 404, 'crisis.person_not_found')
    expectProblem(
      await setStatus(inside.userId, { status: 'checked_in' }),
      400,
      'crisis.assembly_point_required',
    )
    expectProblem(await setStatus(inside.userId, { status: 'boarded' }), 400, 'crisis.leg_required')
    expectProblem(
      await setStatus(inside.userId, { status: 'safe', legId: '01900000-0000-7000-8000-000000000000' }),
      400,
      'crisis.unexpected_leg',
    )
    expectProblem(await setStatus(inside.userId, { status: 'lost' }), 400, 'validation.failed')
    expectProblem(
      await setStatus(inside.userId, { status: 'safe' }, staff.officerParis),
      404,
      'crisis.not_found',
    )
  })
})

describe('GET /api/v1/crises/{id}/manifest.csv', () => {
  it('exports the manifest as CSV with names and statuses', async () => {
    const res = await call('GET', `/api/v1/crises/${crisisId}/manifest.csv`, staff.duty)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^id,nameLatin,nameZh,phone,status,/)
    const row = lines.find((l) => l.startsWith(inside.userId))
    expect(row).toContain('CHEN JING,陈静')
    expect(row).toContain('wants_to_leave')
    const filtered = await call(
      'GET',
      `/api/v1/crises/${crisisId}/manifest.csv?status=wants_to_leave`,
      staff.duty,
    )
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2)
  })
})
