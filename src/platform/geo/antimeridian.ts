import { type RawBuilder, sql } from 'kysely'
import type { Polygonal } from './geojson.schema.ts'

/**
 * Shapes that cross the antimeridian (±180°, Fiji, Kiribati, Chukotka, the Aleutians). PostGIS
 * reads coordinates on a plane, so a ring drawn 176.8 → -179.5 is taken the long way round the
 * world. Every area we place (alerts, crises, region advisories, people searches) goes
 * through here: rings are read the short way round, then cut at ±180° into pieces that each lie
 * within -180..180.
 */

/** GeoJSON order: [lon, lat]. */
export type Position = readonly [number, number]

/**
 * The ring with each edge taken the short way (at most 180° of longitude, as RFC 7946 3.1.9 and
 * every real feed mean it): past ±180° the longitudes continue (176.8 … 180.5) instead of jumping
 * back (176.8 … -179.5). A ring that goes round a pole does not close that way: it is kept as
 * drawn, which is also how a box along ±180° (Antarctica from -180 to 180) is meant.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  let offset = 0
  const out: Position[] = ring.map(([lon, lat], i) => {
    const previous = ring[i - 1]
    if (previous) {
      const step = lon - previous[0]
      if (step > 180) offset -= 360
      else if (step < -180) offset += 360
    }
    return [lon + offset, lat]
  })
  const first = out[0]
  const last = out.at(-1)
  return first && last && first[0] === last[0] ? out : [...ring]
}

const middle = (ring: readonly Position[]) => {
  const lons = ring.map((p) => p[0])
  return (Math.min(...lons) + Math.max(...lons)) / 2
}

/** A polygon's rings read the short way, its holes moved by whole turns to lie with their shell. */
function unwrapPolygon(rings: readonly (readonly Position[])[]): Position[][] {
  const [outer, ...holes] = rings
  if (!outer) return []
  const shell = unwrapRing(outer)
  const centre = middle(shell)
  return [
    shell,
    ...holes.map((hole) => {
      const ring = unwrapRing(hole)
      const turns = Math.round((centre - middle(ring)) / 360)
      return ring.map(([lon, lat]): Position => [lon + 360 * turns, lat])
    }),
  ]
}

/** The shape with every ring read the short way round; longitudes may lie past ±180. */
export function unwrapPolygonal(shape: Polygonal): Polygonal {
  return shape.type === 'Polygon'
    ? { type: 'Polygon', coordinates: unwrapPolygon(shape.coordinates) as [number, number][][] }
    : {
        type: 'MultiPolygon',
        coordinates: shape.coordinates.map((p) => unwrapPolygon(p) as [number, number][][]),
      }
}

/** Cuts a geometry at ±180° and moves what lies past it by a whole turn, back into -180..180. */
export function wrapAtAntimeridianSql(geometry: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`ST_WrapX(ST_WrapX(${geometry}, 180, -360), -180, 360)`
}

/** A GeoJSON polygon or multipolygon as a valid PostGIS geometry (SRID 4326), read the short way round. */
export function polygonalGeometrySql(shape: Polygonal): RawBuilder<unknown> {
  const geojson = JSON.stringify(unwrapPolygonal(shape))
  return wrapAtAntimeridianSql(sql`ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))`)
}

/**
 * A circle on the sphere (radius in km; 0 is the point) as geometry. PostGIS buffers on the
 * sphere and hands back longitudes in -180..180, so a circle over ±180° comes back jumping across
 * the world: such a buffer (wider than half the world) is shifted to 0..360, where it is whole,
 * then cut.
 */
export function circleGeometrySql(center: Position, radiusKm: number): RawBuilder<unknown> {
  const point = sql`ST_SetSRID(ST_MakePoint(${center[0]}::float8, ${center[1]}::float8), 4326)`
  if (radiusKm === 0) return point
  const buffer = sql`ST_Buffer(${point}::geography, ${radiusKm * 1000}::float8, 32)::geometry`
  return sql`(select ${wrapAtAntimeridianSql(
    sql`case when ST_XMax(b.g) - ST_XMin(b.g) > 180 then ST_ShiftLongitude(b.g) else b.g end`,
  )} from (select ${buffer} as g) b)`
}

/**
 * A GeoJSON polygon or multipolygon (as text) as the area it covers on the globe, one
 * MultiPolygon: what targeting, reach, manifests and searches intersect with.
 */
export function placedAreaSql(geojson: string): RawBuilder<unknown> {
  return sql`ST_Multi(ST_CollectionExtract(${polygonalGeometrySql(JSON.parse(geojson) as Polygonal)}, 3))`
}

/**
 * The area as drawn, each ring read the short way round but not yet cut: what validity is judged
 * on (a ring that crosses itself), since making it valid is not ours to do silently.
 */
export function drawnAreaSql(geojson: string): RawBuilder<unknown> {
  const drawn = JSON.stringify(unwrapPolygonal(JSON.parse(geojson) as Polygonal))
  return sql`ST_SetSRID(ST_GeomFromGeoJSON(${drawn}), 4326)`
}
