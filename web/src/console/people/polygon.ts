import type { Polygon } from './query.ts'

export type AreaError =
  | 'empty'
  | 'json'
  | 'notPolygon'
  | 'ringTooShort'
  | 'notClosed'
  | 'badPosition'
  | 'outOfRange'

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n))

/** Reads pasted GeoJSON: a Polygon, or a Feature holding one. Errors are keys for translated messages. */
export function parseArea(text: string): { area: Polygon } | { error: AreaError } {
  if (!text.trim()) return { error: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: 'json' }
  }
  const v = value as { type?: unknown; geometry?: unknown; coordinates?: unknown }
  const geometry = (v?.type === 'Feature' ? v.geometry : v) as { type?: unknown; coordinates?: unknown }
  if (
    geometry?.type !== 'Polygon' ||
    !Array.isArray(geometry.coordinates) ||
    geometry.coordinates.length === 0
  )
    return { error: 'notPolygon' }
  const rings = geometry.coordinates as unknown[]
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return { error: 'ringTooShort' }
    if (!ring.every(isPosition)) return { error: 'badPosition' }
    if (ring.some(([lon = 0, lat = 0]) => Math.abs(lon) > 180 || Math.abs(lat) > 90))
      return { error: 'outOfRange' }
    const first = ring[0] as number[]
    const last = ring.at(-1) as number[]
    if (first[0] !== last[0] || first[1] !== last[1]) return { error: 'notClosed' }
  }
  const coordinates = (rings as number[][][]).map((r) =>
    r.map(([lon = 0, lat = 0]): [number, number] => [lon, lat]),
  )
  return { area: { type: 'Polygon', coordinates } }
}
