import { badRequest } from '../../platform/http/errors.ts'
import type { CapArea, CapNamedValue } from './cap.model.ts'

/** GeoJSON order: [lon, lat]. CAP writes "lat,lon"; this file is the one place that turns one into the other. */
export type Position = [number, number]

export interface CapCircle {
  readonly center: Position
  readonly radiusKm: number
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

function point(pair: string, where: string, code: string): Position {
  const parts = pair.split(',')
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p.trim())))
    throw badRequest(code, `${where}: "${pair}" is not "lat,lon"`)
  const [lat, lon] = parts.map(Number) as [number, number]
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
    throw badRequest(code, `${where}: "${pair}" lies outside -90..90, -180..180`)
  return [lon, lat]
}

/** CAP 1.2 §3.3.2: at least four pairs, the first and last the same. */
export function parseCapPolygon(value: string, where = 'polygon'): Position[] {
  const pairs = value.trim().split(/\s+/)
  const ring = pairs.map((p) => point(p, where, 'cap.bad_polygon'))
  if (ring.length < 4) throw badRequest('cap.bad_polygon', `${where}: a polygon needs at least 4 points`)
  const [first, last] = [ring[0] as Position, ring.at(-1) as Position]
  if (first[0] !== last[0] || first[1] !== last[1])
    throw badRequest('cap.bad_polygon', `${where}: the polygon does not end where it starts`)
  return ring
}

/** "lat,lon radius" with the radius in kilometres; 0 is a point. */
export function parseCapCircle(value: string, where = 'circle'): CapCircle {
  const parts = value.trim().split(/\s+/)
  if (parts.length !== 2 || !NUMBER.test(parts[1] ?? ''))
    throw badRequest('cap.bad_circle', `${where}: "${value}" is not "lat,lon radius"`)
  const radiusKm = Number(parts[1])
  if (radiusKm < 0 || radiusKm > 20_000)
    throw badRequest('cap.bad_circle', `${where}: the radius must be 0–20,000 km`)
  return { center: point(parts[0] as string, where, 'cap.bad_circle'), radiusKm }
}

export type IsoGeocode = { kind: 'country'; code: string } | { kind: 'subdivision'; code: string }

/** Geocodes whose name says ISO 3166 target a country (alpha-2 or alpha-3) or a subdivision. */
export function isoGeocode(g: CapNamedValue): IsoGeocode | null {
  if (!/iso[\s_-]*3166/i.test(g.valueName)) return null
  const value = g.value.trim().toUpperCase()
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value)) return { kind: 'subdivision', code: value }
  if (/^[A-Z]{2,3}$/.test(value)) return { kind: 'country', code: value }
  return null
}

export interface AreaShapes {
  readonly polygons: Position[][]
  readonly circles: CapCircle[]
  readonly isoCountries: string[]
  readonly subdivisions: string[]
  /** Descriptions of areas with nothing we can place: no polygon, circle or ISO country. */
  readonly unplacedDescs: string[]
}

/** What the areas of all info blocks say, checked; the same area repeated per language counts once. */
export function areaShapes(areas: readonly CapArea[]): AreaShapes {
  const polygons = new Map<string, Position[]>()
  const circles = new Map<string, CapCircle>()
  const isoCountries = new Set<string>()
  const subdivisions = new Set<string>()
  const unplaced = new Set<string>()
  areas.forEach((area, i) => {
    area.polygon.forEach((p, j) => {
      polygons.set(p.trim(), parseCapPolygon(p, `area ${i + 1} polygon ${j + 1}`))
    })
    area.circle.forEach((c, j) => {
      circles.set(c.trim(), parseCapCircle(c, `area ${i + 1} circle ${j + 1}`))
    })
    let placedByCode = false
    for (const g of area.geocode) {
      const iso = isoGeocode(g)
      if (iso?.kind === 'country') {
        isoCountries.add(iso.code)
        placedByCode = true
      } else if (iso?.kind === 'subdivision') subdivisions.add(iso.code)
    }
    if (!area.polygon.length && !area.circle.length && !placedByCode) unplaced.add(area.areaDesc)
  })
  return {
    polygons: [...polygons.values()],
    circles: [...circles.values()],
    isoCountries: [...isoCountries],
    subdivisions: [...subdivisions],
    unplacedDescs: [...unplaced],
  }
}
