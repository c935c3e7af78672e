import { syntheticName } from './synthetic.names.ts'
import {
  CHINA_MOBILE,
  CITY_TABLES,
  COUNTRY_BY_CODE,
  type Country,
  DENSE_CLUSTER,
  type MobilePlan,
  RESIDENCE_COUNTRIES,
  TRIP_COUNTRIES,
} from './synthetic.places.ts'
import { Random, WeightedTable } from './synthetic.random.ts'

export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.lingshi'

export interface SyntheticPlace {
  readonly country: string
  readonly city: string | null
  readonly lat: number | null
  readonly lon: number | null
}

export interface SyntheticTrip {
  readonly startDate: string
  readonly endDate: string
  readonly destinations: readonly SyntheticPlace[]
}

export interface SyntheticPerson {
  readonly index: number
  readonly email: string
  readonly name: string
  readonly locale: 'zh-CN' | 'en'
  readonly nameLatin: string
  readonly nameZh: string
  readonly dateOfBirth: string
  readonly sex: 'F' | 'M'
  readonly passportNumber: string
  readonly phone: string
  readonly consentToContact: boolean
  readonly emergencyContacts: ReadonlyArray<{ name: string; phone: string; relation: string }>
  readonly residence: (SyntheticPlace & { since: string }) | null
  readonly trips: readonly SyntheticTrip[]
}

export interface PersonOptions {
  readonly seed: number
  readonly tripsPerPerson: number
  /** Days since 1970-01-01 (UTC) that counts as today: trip dates spread a year either side. */
  readonly today: number
}

/** Share of people (outside the dense cluster) who live abroad and register a residence. */
const RESIDENT_SHARE = 0.15
const COUNTRY_ONLY_SHARE = 0.08
const MAX_TRIPS = 12
const TRIP_LENGTHS = new WeightedTable(
  [
    [3, 7, 50],
    [8, 14, 30],
    [15, 30, 15],
    [31, 90, 5],
  ] as const,
  (x) => x[2],
)
const RELATIONS = ['parent', 'spouse', 'sibling', 'child', 'friend'] as const

export const syntheticEmail = (index: number) =>
  `p${String(index).padStart(7, '0')}@${SYNTHETIC_EMAIL_DOMAIN}`

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

function mobile(random: Random, p: MobilePlan): string {
  const [prefix, rest] = random.pick(p.ranges)
  return `+${p.cc}${prefix}${random.digits(rest)}`
}

function jitter(random: Random, lat: number, lon: number, spread: number): { lat: number; lon: number } {
  const dLat = random.gaussian() * spread
  const dLon = (random.gaussian() * spread) / Math.cos((lat * Math.PI) / 180)
  return { lat: +(lat + dLat).toFixed(6), lon: +(lon + dLon).toFixed(6) }
}

function placeIn(random: Random, country: Country, spread?: number): SyntheticPlace {
  const city = CITY_TABLES.get(country.code)?.pick(random)
  if (!city) return { country: country.code, city: null, lat: null, lon: null }
  const point = jitter(random, city.lat, city.lon, spread ?? city.spread ?? 0.04)
  return { country: country.code, city: city.name, ...point }
}

function residence(random: Random, today: number): SyntheticPerson['residence'] {
  const since = isoDay(today - random.int(30, 3650))
  if (random.chance(DENSE_CLUSTER.share)) {
    const point = jitter(random, DENSE_CLUSTER.lat, DENSE_CLUSTER.lon, DENSE_CLUSTER.spread)
    return { country: DENSE_CLUSTER.country, city: DENSE_CLUSTER.city, ...point, since }
  }
  if (!random.chance(RESIDENT_SHARE / (1 - DENSE_CLUSTER.share))) return null
  return { ...placeIn(random, RESIDENCE_COUNTRIES.pick(random), 0.06), since }
}

function trip(random: Random, today: number): SyntheticTrip {
  const start = today + random.int(-365, 365)
  const [min, max] = TRIP_LENGTHS.pick(random)
  const stops = random.chance(0.82) ? 1 : random.chance(0.72) ? 2 : 3
  const destinations: SyntheticPlace[] = []
  const seen = new Set<string>()
  while (destinations.length < stops) {
    const country = TRIP_COUNTRIES.pick(random)
    if (seen.has(country.code)) continue
    seen.add(country.code)
    destinations.push(
      random.chance(COUNTRY_ONLY_SHARE)
        ? { country: country.code, city: null, lat: null, lon: null }
        : placeIn(random, country),
    )
  }
  return { startDate: isoDay(start), endDate: isoDay(start + random.int(min, max) - 1), destinations }
}

/** Passport numbers "E" + 8 digits, distinct for the first 10^8 people of a seed (48271 is prime to 10^8). */
function passportNumber(seed: number, index: number): string {
  const offset = new Random(seed, -1).int(0, 99_999_999)
  return `E${String((index * 48_271 + offset) % 100_000_000).padStart(8, '0')}`
}

/** Person `index` of the registry made from `seed`: the same every time. */
export function syntheticPerson(index: number, options: PersonOptions): SyntheticPerson {
  const random = new Random(options.seed, index)
  const sex = random.chance(0.5) ? 'F' : 'M'
  const name = syntheticName(random, sex)
  const age = Math.min(80, Math.max(18, Math.round(34 + random.gaussian() * 12)))
  const home = residence(random, options.today)
  const homeCountry = home && COUNTRY_BY_CODE.get(home.country)
  const phone =
    homeCountry?.mobile && random.chance(0.8)
      ? mobile(random, homeCountry.mobile)
      : mobile(random, CHINA_MOBILE)
  const contacts = random.chance(0.6)
    ? [
        {
          name: syntheticName(random, random.chance(0.5) ? 'F' : 'M').display,
          phone: mobile(random, CHINA_MOBILE),
          relation: random.pick(RELATIONS),
        },
      ]
    : []
  const tripCount = Math.min(MAX_TRIPS, random.poisson(options.tripsPerPerson))
  return {
    index,
    email: syntheticEmail(index),
    name: name.display,
    locale: random.chance(0.85) ? 'zh-CN' : 'en',
    nameLatin: name.latin,
    nameZh: name.zh,
    dateOfBirth: isoDay(options.today - age * 365 - random.int(0, 364)),
    sex,
    passportNumber: passportNumber(options.seed, index),
    phone,
    consentToContact: random.chance(0.75),
    emergencyContacts: contacts,
    residence: home,
    trips: Array.from({ length: tripCount }, () => trip(random, options.today)),
  }
}
