import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, login } from '../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../test/helpers/test-runtime.ts'
import { seedDemo } from './demo.ts'
import { SyntheticOptionsError } from './synthetic.options.ts'
import { type SyntheticPerson, syntheticEmail, syntheticPerson } from './synthetic.people.ts'
import { denseClusterArea } from './synthetic.places.ts'
import { SYNTHETIC_PASSWORD, seedSynthetic } from './synthetic.ts'

const PEOPLE = 200
const SEED = 7
const today = new Date().toISOString().slice(0, 10)
const personOptions = { seed: SEED, tripsPerPerson: 1.5, today: Math.floor(Date.parse(today) / 86_400_000) }
const generated = Array.from({ length: PEOPLE }, (_, i) => syntheticPerson(i, personOptions))

let rt: TestRuntime
let duty: string
beforeAll(async () => {
  rt = await startTestRuntime()
  await seedDemo(rt.ctx)
  duty = (await login(rt.app, 'duty@demo.lingshi', 'lingshi-demo')).cookie
  await seedSynthetic(rt.ctx, { people: PEOPLE, seed: SEED, today, batchSize: 64 })
})
afterAll(async () => {
  await rt?.close()
})

/** Ray casting over the polygon's outer ring. */
function inside(lon: number, lat: number, ring: number[][]): boolean {
  let odd = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd
  }
  return odd
}

/** Where the generator put each person today: residence, or a trip under way. */
function placesToday(p: SyntheticPerson) {
  const trips = p.trips
    .filter((t) => t.startDate <= today && t.endDate >= today)
    .flatMap((t) => t.destinations)
  return p.residence ? [p.residence, ...trips] : trips
}

describe('seed synthetic', () => {
  it('refuses a number of people out of range, with the reason', async () => {
    await expect(seedSynthetic(rt.ctx, { people: 0 })).rejects.toThrow('--people must be at least 1')
    await expect(seedSynthetic(rt.ctx, { people: 10_000_001 })).rejects.toThrow(
      '--people must be at most 10,000,000',
    )
    await expect(seedSynthetic(rt.ctx, { people: 'lots' })).rejects.toThrow(SyntheticOptionsError)
    await expect(seedSynthetic(rt.ctx, { people: PEOPLE })).rejects.toThrow('already holds synthetic people')
  })

  it('loads citizens with profiles, residences and trips in the numbers generated', async () => {
    const count = async (table: 'profiles' | 'residences' | 'trips' | 'trip_destinations') =>
      Number(
        (
          await rt.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      )
    const citizens = await rt.ctx.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('u.email', 'like', '%@synthetic.lingshi')
      .where('r.role', '=', 'citizen')
      .executeTakeFirst()
    expect(Number(citizens?.n)).toBe(PEOPLE)
    // The demo world has profiles of its own (the demo citizen's): count the synthetic people's.
    const profiles = await rt.ctx.db
      .selectFrom('profiles as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('u.email', 'like', '%@synthetic.lingshi')
      .executeTakeFirst()
    expect(Number(profiles?.n)).toBe(PEOPLE)
    expect(await count('residences')).toBe(generated.filter((p) => p.residence).length)
    expect(await count('trips')).toBe(generated.reduce((n, p) => n + p.trips.length, 0))
    expect(await count('trip_destinations')).toBe(
      generated.reduce((n, p) => n + p.trips.reduce((m, t) => m + t.destinations.length, 0), 0),
    )
    expect(generated.every((p) => isValidPhoneNumber(p.phone))).toBe(true)
  })

  it('gives the same people for the same seed, and others for another', async () => {
    expect(Array.from({ length: PEOPLE }, (_, i) => syntheticPerson(i, personOptions))).toEqual(generated)
    expect(syntheticPerson(3, { ...personOptions, seed: SEED + 1 })).not.toEqual(generated[3])
    const stored = await rt.ctx.db
      .selectFrom('users as u')
      .innerJoin('profiles as p', 'p.user_id', 'u.id')
      .select(['u.email', 'p.name_latin', 'p.name_zh', 'p.date_of_birth', 'p.phone', 'p.passport_sealed'])
      .where('u.email', '=', syntheticEmail(42))
      .executeTakeFirstOrThrow()
    const p42 = generated[42]!
    expect(stored).toMatchObject({
      name_latin: p42.nameLatin,
      name_zh: p42.nameZh,
      date_of_birth: p42.dateOfBirth,
      phone: p42.phone,
    })
    expect(rt.ctx.secrets.open(stored.passport_sealed ?? '')).toBe(p42.passportNumber)
  })

  it('signs in with the shared password and is found by passport number as the service stores it', async () => {
    const index = generated.findIndex((p) => p.residence)
    const person = generated[index]!
    const me = await login(rt.app, syntheticEmail(index), SYNTHETIC_PASSWORD)
    const profile = (await caller(rt.app)('GET', '/api/v1/me/profile', me.cookie)).json()
    expect(profile).toMatchObject({
      nameLatin: person.nameLatin,
      passportNumber: `••••${person.passportNumber.slice(-4)}`,
      residence: { country: person.residence?.country, lat: person.residence?.lat },
    })
    const found = await caller(rt.app)('GET', `/api/v1/people?q=${person.passportNumber}`, duty)
    expect(found.json().people.map((p: { email: string }) => p.email)).toEqual([syntheticEmail(index)])
  })

  it('are found by the people search inside a polygon and in a country, on a day', async () => {
    const area = denseClusterArea()
    const ring = area.coordinates[0] ?? []
    const expectedInArea = generated
      .filter((p) =>
        placesToday(p).some((x) => x.lat !== null && x.lon !== null && inside(x.lon, x.lat, ring)),
      )
      .map((p) => p.email)
      .sort()
    expect(expectedInArea.length).toBeGreaterThan(10)
    const search = await caller(rt.app)('POST', '/api/v1/people/search', duty, {
      area,
      on: today,
      limit: 1000,
    })
    expect(search.statusCode, search.body).toBe(200)
    expect(search.json().count).toBe(expectedInArea.length)
    expect(
      search
        .json()
        .people.map((p: { email: string }) => p.email)
        .sort(),
    ).toEqual(expectedInArea)

    const expectedInJapan = generated.filter((p) => placesToday(p).some((x) => x.country === 'JP')).length
    const japan = await caller(rt.app)('GET', `/api/v1/people?country=JP&on=${today}`, duty)
    expect(japan.json().count).toBe(expectedInJapan)
  })
})
