import { COUNTRIES } from './synthetic.countries.ts'
import { WeightedTable } from './synthetic.random.ts'

export { CHINA_MOBILE, type Country, type MobilePlan } from './synthetic.countries.ts'

export const TRIP_COUNTRIES = new WeightedTable(COUNTRIES, (x) => x.weight)
export const RESIDENCE_COUNTRIES = new WeightedTable(
  COUNTRIES.filter((x) => x.mobile),
  (x) => x.weight,
)
export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((x) => [x.code, x]))
export const CITY_TABLES = new Map(
  COUNTRIES.map((x) => [x.code, new WeightedTable(x.cities, (y) => y.weight)]),
)

/**
 * The dense cluster for the polygon benchmark: this share of people live around Bangkok, so that
 * a polygon over the city holds about a tenth of the registry on any day.
 */
export const DENSE_CLUSTER = {
  country: 'TH',
  city: 'Bangkok',
  lat: 13.7563,
  lon: 100.5018,
  spread: 0.08,
  share: 0.1,
} as const

/** A 16-sided GeoJSON polygon over greater Bangkok (radius ~35 km): it holds the dense cluster. */
export function denseClusterArea(): { type: 'Polygon'; coordinates: number[][][] } {
  const sides = 16
  const radius = 0.32
  const ring: number[][] = []
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides
    const lat = DENSE_CLUSTER.lat + radius * Math.sin(a)
    const lon = DENSE_CLUSTER.lon + (radius * Math.cos(a)) / Math.cos((DENSE_CLUSTER.lat * Math.PI) / 180)
    ring.push([+lon.toFixed(5), +lat.toFixed(5)])
  }
  ring.push([...(ring[0] ?? [])])
  return { type: 'Polygon', coordinates: [ring] }
}
