import { capBadRequest } from './cap/cap.errors.ts'
import { type CapCircle, parseCapCircle, parseCapPolygon } from './cap/cap.geometry.ts'
import type { CapArea, CapNamedValue } from './cap/cap.model.ts'

/** GeoJSON order: [lon, lat]. */
export type Position = [number, number]

export interface PlacedCircle {
  readonly center: Position
  readonly radiusKm: number
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
  readonly circles: PlacedCircle[]
  readonly isoCountries: string[]
  readonly subdivisions: string[]
  /** Descriptions of areas with nothing we can place: no polygon, circle or ISO country. */
  readonly unplacedDescs: string[]
}

const toCircle = (c: CapCircle): PlacedCircle => ({
  center: [c.center.lon, c.center.lat],
  radiusKm: c.radiusKm,
})

/**
 * What the areas of all info blocks say, checked (JSON input has not been through the CAP XML
 * rules); the same area repeated per language counts once.
 */
export function areaShapes(areas: readonly CapArea[]): AreaShapes {
  const polygons = new Map<string, Position[]>()
  const circles = new Map<string, PlacedCircle>()
  const isoCountries = new Set<string>()
  const subdivisions = new Set<string>()
  const unplaced = new Set<string>()
  areas.forEach((area, i) => {
    area.polygon.forEach((p, j) => {
      const parsed = parseCapPolygon(p)
      if (!parsed.ok)
        throw capBadRequest('cap.bad_polygon', `area ${i + 1} polygon ${j + 1}: ${parsed.reason}`)
      polygons.set(
        p.trim(),
        parsed.value.map((x) => [x.lon, x.lat]),
      )
    })
    area.circle.forEach((c, j) => {
      const parsed = parseCapCircle(c)
      if (!parsed.ok) throw capBadRequest('cap.bad_circle', `area ${i + 1} circle ${j + 1}: ${parsed.reason}`)
      circles.set(c.trim(), toCircle(parsed.value))
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
