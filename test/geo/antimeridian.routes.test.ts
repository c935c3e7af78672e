import { beforeAll, describe, expect, it } from 'vitest'
import { travellerTo } from '../helpers/crises.ts'
import { withDemoRuntime } from '../helpers/demo-runtime.ts'
import type { Session } from '../helpers/http.ts'

// #16 finding 12: a polygon over ±180° drawn 176.8 → -179.5 (Fiji) is the short way round, for
// crises, region advisories and people searches as for alerts (alerts test it themselves).
const { runtime, staff, call } = withDemoRuntime()

const FIJI = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [176.8, -15.5],
      [-179.5, -15.5],
      [-179.5, -19.5],
      [176.8, -19.5],
      [176.8, -15.5],
    ],
  ],
}
const SUVA = { lat: -18.14, lon: 178.44, country: 'FJ' }
// Inside the box as PostGIS would read it drawn (from -179.5 east to 176.8, the long way round).
const LA_PAZ = { lat: -16.5, lon: -68.15, country: 'BO' }
const TAVEUNI_EAST = { lat: -16.9, lon: -179.9, country: 'FJ' }

let suva: Session
let laPaz: Session
let eastOf180: Session
beforeAll(async () => {
  suva = await travellerTo(runtime().app, SUVA)
  laPaz = await travellerTo(runtime().app, LA_PAZ)
  eastOf180 = await travellerTo(runtime().app, TAVEUNI_EAST)
})

describe('an area over the antimeridian', () => {
  it('puts Suva and the far side of ±180° on a Fiji crisis manifest, and not La Paz', async () => {
    const created = await call('POST', '/api/v1/crises', staff.duty, {
      name: 'Cyclone over Fiji',
      country: 'FJ',
      area: FIJI,
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id, area } = created.json()
    expect(area).toEqual(FIJI)
    const res = await call('GET', `/api/v1/crises/${id}/manifest`, staff.duty)
    expect(res.statusCode, res.body).toBe(200)
    const ids = (res.json().people as { id: string }[]).map((p) => p.id)
    expect(ids).toContain(suva.userId)
    expect(ids).toContain(eastOf180.userId)
    expect(ids).not.toContain(laPaz.userId)
    const mine = (await call('GET', '/api/v1/me/crises', suva.cookie)).json() as { id: string }[]
    expect(JSON.stringify(mine)).toContain(id)
  })

  it('finds Suva, not La Paz, in a people search over Fiji', async () => {
    const res = await call('POST', '/api/v1/people/search', staff.duty, { area: FIJI })
    expect(res.statusCode, res.body).toBe(200)
    const ids = (res.json().people as { id: string }[]).map((p) => p.id)
    expect(ids).toEqual(expect.arrayContaining([suva.userId, eastOf180.userId]))
    expect(ids).not.toContain(laPaz.userId)
  })

  it('stores a Fiji region advisory cut at ±180° and tells the people inside it', async () => {
    const url = '/api/v1/advisories/FJ/regions/fiji-islands'
    const drafted = await call('PUT', url, staff.duty, {
      name: { 'zh-CN': '斐济群岛', en: 'Fiji Islands' },
      level: 3,
      summary: { 'zh-CN': '热带气旋来袭，暂勿前往。', en: 'A cyclone is coming: do not travel for now.' },
      area: FIJI,
    })
    expect(drafted.statusCode, drafted.body).toBe(200)
    const published = await call('POST', `${url}/publish`, staff.duty)
    expect(published.statusCode, published.body).toBe(200)
    const stored = published.json().area as { type: string; coordinates: number[][][][] }
    expect(stored.type).toBe('MultiPolygon')
    const lons = stored.coordinates.flat(3).filter((_, i) => i % 2 === 0)
    expect(Math.min(...lons)).toBeGreaterThanOrEqual(-180)
    expect(Math.max(...lons)).toBeLessThanOrEqual(180)
    expect(stored.coordinates).toHaveLength(2)
    const inbox = async (s: Session) =>
      JSON.stringify((await call('GET', '/api/v1/me/inbox', s.cookie)).json())
    expect(await inbox(suva)).toContain('fiji-islands')
    expect(await inbox(eastOf180)).toContain('fiji-islands')
    expect(await inbox(laPaz)).not.toContain('fiji-islands')
  })
})
