import { type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { circleGeometrySql, type Position, polygonalGeometrySql, unwrapRing } from './antimeridian.ts'

/** Fiji as a CAP sender draws it: "lat,lon" -15.5,176.8 -15.5,-179.5 -19.5,-179.5 -19.5,176.8 (GeoJSON order here). */
const FIJI: Position[] = [
  [176.8, -15.5],
  [-179.5, -15.5],
  [-179.5, -19.5],
  [176.8, -19.5],
  [176.8, -15.5],
]
const SUVA = [178.44, -18.14] as const
const TAVEUNI_EAST = [-179.9, -16.8] as const
const LA_PAZ = [-68.15, -16.5] as const

describe('unwrapRing', () => {
  it('takes every edge the short way, continuing past ±180°', () => {
    expect(unwrapRing(FIJI)).toEqual([
      [176.8, -15.5],
      [180.5, -15.5],
      [180.5, -19.5],
      [176.8, -19.5],
      [176.8, -15.5],
    ])
    const fromTheEast: Position[] = [
      [-179.5, -15.5],
      [176.8, -15.5],
      [176.8, -19.5],
      [-179.5, -19.5],
      [-179.5, -15.5],
    ]
    expect(unwrapRing(fromTheEast).map((p) => p[0])).toEqual([-179.5, -183.2, -183.2, -179.5, -179.5])
  })

  it('leaves a ring that crosses nothing, and a box along ±180° round the pole, as drawn', () => {
    const tokyo: Position[] = [
      [139.5, 35.5],
      [140, 35.5],
      [140, 35.9],
      [139.5, 35.9],
      [139.5, 35.5],
    ]
    expect(unwrapRing(tokyo)).toEqual(tokyo)
    const antarctica: Position[] = [
      [-180, -60],
      [-90, -60],
      [0, -60],
      [90, -60],
      [180, -60],
      [180, -90],
      [-180, -90],
      [-180, -60],
    ]
    expect(unwrapRing(antarctica)).toEqual(antarctica)
  })
})

describe('shapes over the antimeridian in PostGIS', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime()
  })
  afterAll(async () => {
    await rt?.close()
  })

  const covers = async (shape: RawBuilder<unknown>, [lon, lat]: readonly [number, number]) => {
    const { rows } = await sql<{ inside: boolean; valid: boolean; west: number; east: number }>`
      select ST_Intersects(g, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)) as inside,
             ST_IsValid(g) as valid, ST_XMin(g) as west, ST_XMax(g) as east
        from (select ${shape} as g) s`.execute(rt.ctx.db)
    const row = rows[0]
    if (!row) throw new Error('no row')
    expect(row.valid).toBe(true)
    expect(row.west).toBeGreaterThanOrEqual(-180)
    expect(row.east).toBeLessThanOrEqual(180)
    return row.inside
  }

  it('reads the Fiji polygon the short way: Suva and the islands east of 180° are in, Bolivia is not', async () => {
    const fiji = polygonalGeometrySql({ type: 'Polygon', coordinates: [FIJI.map(([x, y]) => [x, y])] })
    expect(await covers(fiji, SUVA)).toBe(true)
    expect(await covers(fiji, TAVEUNI_EAST)).toBe(true)
    expect(await covers(fiji, LA_PAZ)).toBe(false)
  })

  it('keeps a hole with its shell across the antimeridian', async () => {
    const hole: [number, number][] = [
      [-179.8, -17],
      [-179.6, -17],
      [-179.6, -17.2],
      [-179.8, -17.2],
      [-179.8, -17],
    ]
    const withHole = polygonalGeometrySql({
      type: 'Polygon',
      coordinates: [FIJI.map(([x, y]) => [x, y]), hole],
    })
    expect(await covers(withHole, [-179.7, -17.1])).toBe(false)
    expect(await covers(withHole, SUVA)).toBe(true)
    expect(await covers(withHole, LA_PAZ)).toBe(false)
  })

  it('buffers a circle over the antimeridian on both sides of it, and nowhere else', async () => {
    const circle = circleGeometrySql([179.9, -17], 50)
    expect(await covers(circle, [179.6, -17])).toBe(true)
    expect(await covers(circle, [-179.8, -17])).toBe(true)
    expect(await covers(circle, [0, -17])).toBe(false)
    expect(await covers(circle, LA_PAZ)).toBe(false)
    const tokyo = circleGeometrySql([139.7, 35.7], 10)
    expect(await covers(tokyo, [139.75, 35.7])).toBe(true)
    expect(await covers(tokyo, [140.2, 35.7])).toBe(false)
  })
})
