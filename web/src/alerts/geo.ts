import { geoArea, geoCircle } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { LonLat } from './cap.ts'

export type { LonLat } from './cap.ts'
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
