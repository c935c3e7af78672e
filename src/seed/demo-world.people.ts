import type { AppContext } from '../context.ts'
import { emailTaken } from '../modules/identity/index.ts'
import { hashPassword } from '../platform/crypto/password.ts'
import { DEMO_PASSWORD } from './demo.ts'
import { buildBatch, writeBatch } from './synthetic.batch.ts'
import {
  type PersonOptions,
  type SyntheticPerson,
  type SyntheticPlace,
  type SyntheticTrip,
  syntheticPerson,
} from './synthetic.people.ts'
import { Random } from './synthetic.random.ts'

/** The demo world's people sign in with the demo password; their addresses say what they are. */
export const DEMO_WORLD_DOMAIN = 'people.demo.lingshi'
export const demoWorldEmail = (index: number) => `w${String(index).padStart(4, '0')}@${DEMO_WORLD_DOMAIN}`

/** The generator's seed: the same people every time, dated around the day they are loaded. */
const SEED = 15

export interface DemoCity {
  readonly country: string
  readonly city: string
  readonly lat: number
  readonly lon: number
  readonly people: number
}

/** Where the demo world's citizens live and travel, and how many at each place. */
export const DEMO_CITIES: readonly DemoCity[] = [
  { country: 'JP', city: 'Tokyo', lat: 35.6812, lon: 139.7671, people: 90 },
  { country: 'JP', city: 'Osaka', lat: 34.6937, lon: 135.5023, people: 40 },
  { country: 'FR', city: 'Paris', lat: 48.8566, lon: 2.3522, people: 60 },
  { country: 'TH', city: 'Bangkok', lat: 13.7563, lon: 100.5018, people: 50 },
  { country: 'KE', city: 'Nairobi', lat: -1.2921, lon: 36.8219, people: 30 },
  { country: 'US', city: 'New York', lat: 40.7128, lon: -74.006, people: 40 },
]

export const DEMO_WORLD_PEOPLE = DEMO_CITIES.reduce((n, c) => n + c.people, 0)

const DAY = 86_400_000
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

function cityOf(index: number): DemoCity {
  let n = index
  for (const c of DEMO_CITIES) {
    if (n < c.people) return c
    n -= c.people
  }
  return DEMO_CITIES[0] as DemoCity
}

function near(random: Random, c: DemoCity): SyntheticPlace {
  const spread = 0.05
  const lat = c.lat + random.gaussian() * spread
  const lon = c.lon + (random.gaussian() * spread) / Math.cos((c.lat * Math.PI) / 180)
  return { country: c.country, city: c.city, lat: +lat.toFixed(5), lon: +lon.toFixed(5) }
}

/**
 * Person `index` of the demo world: names, phones and passports from the synthetic generator, placed
 * around one of the demo cities. A third live there; the others are on a trip that covers today and
 * the weeks after it (one in ten registered the country only, as travellers often do); some also
 * have a trip behind them.
 */
export function demoWorldPerson(index: number, options: PersonOptions): SyntheticPerson {
  const base = syntheticPerson(index, { ...options, tripsPerPerson: 0 })
  const random = new Random(options.seed, 1_000_000 + index)
  const city = cityOf(index)
  const today = options.today
  const trips: SyntheticTrip[] = []
  let residence: SyntheticPerson['residence'] = null
  if (random.chance(0.35)) residence = { ...near(random, city), since: isoDay(today - random.int(60, 2000)) }
  else {
    const countryOnly = random.chance(0.12)
    const place = countryOnly
      ? { country: city.country, city: null, lat: null, lon: null }
      : near(random, city)
    trips.push({
      startDate: isoDay(today - random.int(1, 10)),
      endDate: isoDay(today + random.int(30, 90)),
      destinations: [place],
    })
  }
  if (random.chance(0.3)) {
    const start = today - random.int(120, 300)
    trips.push({
      startDate: isoDay(start),
      endDate: isoDay(start + random.int(5, 20)),
      destinations: [near(random, DEMO_CITIES[random.int(0, DEMO_CITIES.length - 1)] as DemoCity)],
    })
  }
  return { ...base, email: demoWorldEmail(index), residence, trips }
}

/** Loads the demo world's citizens in one batch; false when they are already there. */
export async function seedDemoWorldPeople(ctx: AppContext, now: Date): Promise<boolean> {
  if (await emailTaken(ctx.db, demoWorldEmail(0))) return false
  const options = { seed: SEED, tripsPerPerson: 0, today: Math.floor(now.getTime() / DAY) }
  const batch = buildBatch(ctx.secrets, 0, DEMO_WORLD_PEOPLE, options, demoWorldPerson)
  await writeBatch(ctx.db, batch, await hashPassword(DEMO_PASSWORD))
  return true
}
