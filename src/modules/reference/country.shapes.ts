import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

const require = createRequire(import.meta.url)

export interface CountryShape {
  code: string
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] }
}

/**
 * Natural Earth features without an ISO numeric code, placed where a consular service
 * would look for them. Features not listed (e.g. disputed glaciers) belong to no country.
 */
const UNNUMBERED: Record<string, string> = {
  Kosovo: 'XK',
  Somaliland: 'SO',
  'N. Cyprus': 'CY',
  'Cyprus U.N. Buffer Zone': 'CY',
  Dhekelia: 'CY',
  Akrotiri: 'CY',
  'USNB Guantanamo Bay': 'CU',
  Baikonur: 'KZ',
  'Spratly Is.': 'CN',
  'Scarborough Reef': 'CN',
  'Coral Sea Is.': 'AU',
  'Bajo Nuevo Bank': 'CO',
  'Serranilla Bank': 'CO',
  'Clipperton I.': 'FR',
}

function codeOf(id: string | number | undefined, name: string | undefined): string | undefined {
  if (id !== undefined) return countries.numericToAlpha2(String(id))
  return name ? UNNUMBERED[name] : undefined
}

/** Country outlines from Natural Earth 10m (package world-atlas), one MultiPolygon per code. */
export function loadCountryShapes(): CountryShape[] {
  const topology = require('world-atlas/countries-10m.json') as Topology
  const object = topology.objects.countries as GeometryCollection<{ name?: string }>
  const byCode = new Map<string, number[][][][]>()
  for (const f of feature(topology, object).features) {
    const code = codeOf(f.id, f.properties?.name)
    if (!code || !f.geometry) continue
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : []
    byCode.set(code, [...(byCode.get(code) ?? []), ...polygons])
  }
  return [...byCode].map(([code, coordinates]) => ({ code, geometry: { type: 'MultiPolygon', coordinates } }))
}
