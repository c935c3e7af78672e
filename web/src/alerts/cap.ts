/** GeoJSON order. CAP writes "lat,lon"; this file is the web app's one place that turns one into the other. */
export type LonLat = [number, number]

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
