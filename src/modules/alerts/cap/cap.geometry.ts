/**
 * CAP's geometry strings (OASIS CAP 1.2, 3.2.4): a point is "lat,lon" in WGS 84 decimal degrees,
 * a polygon is points separated by spaces, a circle is "lat,lon radius" with the radius in km.
 * GeoJSON and PostGIS put longitude first; the `{ lat, lon }` objects here make the order explicit.
 */

export interface LatLon {
  lat: number
  lon: number
}

export interface CapCircle {
  center: LatLon
  radiusKm: number
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/
const tokens = (s: string) => s.trim().split(/\s+/).filter(Boolean)

function parsePoint(token: string): Parsed<LatLon> {
  const parts = token.split(',')
  if (parts.length !== 2) return { ok: false, reason: `"${token}" is not a "lat,lon" pair` }
  const [latText = '', lonText = ''] = parts
  if (!DECIMAL.test(latText) || !DECIMAL.test(lonText))
    return { ok: false, reason: `"${token}" is not two decimal numbers` }
  const lat = Number(latText)
  const lon = Number(lonText)
  if (lat < -90 || lat > 90) return { ok: false, reason: `latitude ${latText} is outside -90..90` }
  if (lon < -180 || lon > 180) return { ok: false, reason: `longitude ${lonText} is outside -180..180` }
  return { ok: true, value: { lat, lon } }
}

/** A closed ring of at least four points: the first and last the same. */
export function parseCapPolygon(text: string): Parsed<LatLon[]> {
  const points: LatLon[] = []
  for (const token of tokens(text)) {
    const point = parsePoint(token)
    if (!point.ok) return point
    points.push(point.value)
  }
  if (points.length < 4)
    return { ok: false, reason: `a polygon needs at least 4 points, it has ${points.length}` }
  const first = points[0]
  const last = points.at(-1)
  if (first?.lat !== last?.lat || first?.lon !== last?.lon)
    return { ok: false, reason: 'the polygon is not closed: the last point must repeat the first' }
  return { ok: true, value: points }
}

/** "lat,lon radius"; a radius of 0 is a point. */
export function parseCapCircle(text: string): Parsed<CapCircle> {
  const parts = tokens(text)
  if (parts.length !== 2) return { ok: false, reason: `"${text.trim()}" is not "lat,lon radius"` }
  const [pointText = '', radiusText = ''] = parts
  const center = parsePoint(pointText)
  if (!center.ok) return center
  if (!DECIMAL.test(radiusText) || Number(radiusText) < 0)
    return { ok: false, reason: `the radius "${radiusText}" is not a distance in km of 0 or more` }
  return { ok: true, value: { center: center.value, radiusKm: Number(radiusText) } }
}

/** Collapses the spaces and line breaks feeds put between points. */
export const normalizeCapGeometry = (text: string) => tokens(text).join(' ')

/** Six decimals are ~0.1 m: enough, and never an exponent. */
const coordinate = (n: number) => String(Number(n.toFixed(6)))

export const formatCapPoint = (p: LatLon) => `${coordinate(p.lat)},${coordinate(p.lon)}`

export const formatCapCircle = (c: CapCircle) => `${formatCapPoint(c.center)} ${coordinate(c.radiusKm)}`

/** Closes the ring if the last point does not already repeat the first. */
export function formatCapPolygon(points: LatLon[]): string {
  const first = points[0]
  const last = points.at(-1)
  const closed =
    first && last && (first.lat !== last.lat || first.lon !== last.lon) ? [...points, first] : points
  return closed.map(formatCapPoint).join(' ')
}

export const isValidLatLon = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' &&
  typeof lon === 'number' &&
  Number.isFinite(lat) &&
  Number.isFinite(lon) &&
  lat >= -90 &&
  lat <= 90 &&
  lon >= -180 &&
  lon <= 180
