import type { Mission } from '@server/reference/reference.schema.ts'
import { geoArea, geoDistance } from 'd3-geo'
import type { Geometry, MultiPolygon, Polygon } from 'geojson'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { KM_PER_DEGREE, type LonLat, loadWorld } from '../../alerts/geo.ts'
import { useCountries } from '../../lib/countries.ts'
import { localized } from '../../lib/i18n.ts'
import type { AreaDraft, Lang } from './capBody.ts'

/** Alpha-2 ↔ the ISO numeric ids the world-atlas shapes carry, and names in the reader's language. */
export function useCountryIndex() {
  const { countries } = useCountries()
  const { i18n } = useTranslation()
  return useMemo(() => {
    const byCode = new Map(countries.map((c) => [c.code, c]))
    const codeOf = new Map(countries.map((c) => [c.numeric, c.code]))
    const names = new Map(countries.map((c) => [c.numeric, localized(c.name)]))
    const nameIn = (code: string, lang: Lang) => byCode.get(code)?.name[lang] ?? code
    const nameOf = (code: string) => {
      const c = byCode.get(code)
      return c ? localized(c.name) : code
    }
    const numericOf = (code: string) => byCode.get(code)?.numeric
    return { countries, numericOf, codeOf, names, nameOf, nameIn, lang: i18n.language }
  }, [countries, i18n.language])
}

/** A box about 110 × 110 km around a city, to draw a district in. */
export function cityView(p: LonLat): Geometry {
  const dLat = 0.5
  const dLon = dLat / Math.max(0.2, Math.cos((p[1] * Math.PI) / 180))
  return {
    type: 'MultiPoint',
    coordinates: [
      [p[0] - dLon, p[1] - dLat],
      [p[0] + dLon, p[1] + dLat],
    ],
  }
}

/** A country's main parts (overseas islands a fifth of the largest part or smaller are left out of the view). */
export async function countryView(numeric: string): Promise<Geometry | null> {
  const shape = (await loadWorld('50m')).find((f) => String(f.id) === numeric)
  const g = shape?.geometry
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return g ?? null
  if (g.type === 'Polygon') return g
  const parts = (g as MultiPolygon).coordinates.map((coordinates) => ({
    coordinates,
    area: geoArea({ type: 'Polygon', coordinates } as Polygon),
  }))
  const largest = Math.max(...parts.map((p) => p.area))
  return {
    type: 'MultiPolygon',
    coordinates: parts.filter((p) => p.area >= largest / 5).map((p) => p.coordinates),
  }
}

/** The mission city nearest the drawn shapes, within 150 km: what the area is usually called. */
export function nearestCity(area: AreaDraft, list: Mission[]): Mission | null {
  const points: LonLat[] = [
    ...area.polygons.map(
      (ring): LonLat => [
        ring.reduce((s, p) => s + p[0], 0) / ring.length,
        ring.reduce((s, p) => s + p[1], 0) / ring.length,
      ],
    ),
    ...area.circles.map((c) => c.center),
  ]
  let best: { m: Mission; km: number } | null = null
  for (const p of points)
    for (const m of list) {
      if (!m.location) continue
      const km = geoDistance(p, [m.location.lon, m.location.lat]) * (180 / Math.PI) * KM_PER_DEGREE
      if (km <= 150 && (!best || km < best.km)) best = { m, km }
    }
  return best?.m ?? null
}
