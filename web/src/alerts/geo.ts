import { geoArea, geoCircle } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

/** GeoJSON order. CAP writes "lat,lon"; the functions below are the web app's one place that turns one into the other. */
export type LonLat = [number, number]
export type WorldShape = Feature<Geometry, { name: string }> & { id?: string | number }
export type Detail = '110m' | '50m'

/** Kilometres per degree of a great circle (mean Earth radius 6371.0088 km). */
export const KM_PER_DEGREE = 111.195

const loaded = new Map<Detail, Promise<WorldShape[]>>()

/**
 * Country shapes from world-atlas, in their own chunks: 110m (~100 kB) for the citizen's small
 * map, 50m (~750 kB) for the console, where officers zoom to a city to draw an area.
 */
export function loadWorld(detail: Detail): Promise<WorldShape[]> {
  let shapes = loaded.get(detail)
  if (!shapes) {
    const json =
      detail === '50m' ? import('world-atlas/countries-50m.json') : import('world-atlas/countries-110m.json')
    shapes = json.then((m) => {
      const topo = m.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
      const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>
      // Antarctica gets no alerts and would fill the bottom of a Mercator map.
      return (fc.features as WorldShape[]).filter((f) => String(f.id) !== '010')
    })
    shapes.catch(() => loaded.delete(detail))
    loaded.set(detail, shapes)
  }
  return shapes
}

const round = (n: number) => Math.round(n * 1e5) / 1e5

/** A closed ring as CAP writes it: "lat,lon lat,lon …", first point repeated at the end. */
export function toCapPolygon(points: readonly LonLat[]): string {
  const ring = [...points, points[0] as LonLat]
  return ring.map(([lon, lat]) => `${round(lat)},${round(lon)}`).join(' ')
}

export function toCapCircle(center: LonLat, radiusKm: number): string {
  return `${round(center[1])},${round(center[0])} ${round(radiusKm)}`
}

function capPoint(pair: string): LonLat | null {
  const [lat, lon] = pair.split(',').map(Number)
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  return [lon, lat]
}

/** The open ring of a CAP polygon (without the repeated last point), or null if it is not one. */
export function parseCapPolygon(value: string): LonLat[] | null {
  const points = value.trim().split(/\s+/).map(capPoint)
  if (points.length < 4 || points.some((p) => !p)) return null
  const ring = points as LonLat[]
  const [first, last] = [ring[0] as LonLat, ring.at(-1) as LonLat]
  return first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring
}

export function parseCapCircle(value: string): { center: LonLat; radiusKm: number } | null {
  const [pair, radius] = value.trim().split(/\s+/)
  const center = pair ? capPoint(pair) : null
  const radiusKm = Number(radius)
  return center && Number.isFinite(radiusKm) && radiusKm >= 0 ? { center, radiusKm } : null
}

export function circleGeometry(center: LonLat, radiusKm: number): Geometry {
  if (radiusKm <= 0) return { type: 'Point', coordinates: center }
  return geoCircle()
    .center(center)
    .radius(radiusKm / KM_PER_DEGREE)
    .precision(2)()
}

function rewindRing(ring: Position[]): Position[] {
  // d3-geo reads a ring's winding on the sphere: one that encloses more than half the globe is
  // the outside of what was meant (RFC 7946 and PostGIS wind the other way round).
  return geoArea({ type: 'Polygon', coordinates: [ring] }) > 2 * Math.PI ? [...ring].reverse() : ring
}

/** The same geometry wound as d3-geo expects, so that a small area is not drawn as the whole world. */
export function forD3(g: Geometry): Geometry {
  switch (g.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map(rewindRing) }
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(rewindRing)) }
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map(forD3) }
    default:
      return g
  }
}

/** Whether a value from the API looks like a GeoJSON geometry we can draw. */
export function asGeometry(value: unknown): Geometry | null {
  const type = (value as { type?: unknown } | null)?.type
  return typeof type === 'string' &&
    [
      'Point',
      'MultiPoint',
      'LineString',
      'MultiLineString',
      'Polygon',
      'MultiPolygon',
      'GeometryCollection',
    ].includes(type)
    ? (value as Geometry)
    : null
}
