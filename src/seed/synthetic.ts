import type { AppContext } from '../context.ts'
import { emailTaken, vacuumCitizens } from '../modules/identity/index.ts'
import { vacuumRegistry } from '../modules/registrations/index.ts'
import { hashPassword } from '../platform/crypto/password.ts'
import { batchRows, buildBatch, writeBatch } from './synthetic.batch.ts'
import { parseSyntheticOptions, type SyntheticInput, SyntheticOptionsError } from './synthetic.options.ts'
import { syntheticEmail } from './synthetic.people.ts'

/**
 * Every synthetic account signs in with this password. Argon2id costs ~50 ms a hash, so hashing
 * a million passwords would take hours: the one hash is computed once and shared by all accounts.
 */
export const SYNTHETIC_PASSWORD = 'lingshi-synthetic'

export interface SyntheticProgress {
  readonly people: number
  readonly total: number
  readonly rows: number
  readonly seconds: number
}

export interface SyntheticSummary {
  readonly engine: 'embedded' | 'server'
  readonly seed: number
  readonly people: number
  readonly residences: number
  readonly trips: number
  readonly destinations: number
  /** users, user_roles, profiles, residences, trips and trip_destinations rows. */
  readonly rows: number
  readonly passwordHashSeconds: number
  /** Generating and inserting, from the first batch to the last commit. */
  readonly loadSeconds: number
  readonly rowsPerSecond: number
  readonly peoplePerSecond: number
  /** Part of the load spent sealing passport numbers (AES-256-GCM) and their blind index (HMAC). */
  readonly sealSeconds: number
  /** VACUUM ANALYZE of the loaded tables afterwards. */
  readonly vacuumSeconds: number
}

const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2)

/**
 * Loads a deterministic synthetic registry: the same seed gives the same people, places and dates
 * (relative to today); ids and sealed values differ from run to run as they embed time and random IVs.
 * Batches are one transaction each; the next batch is generated while the previous one is written.
 */
export async function seedSynthetic(
  ctx: AppContext,
  input: SyntheticInput,
  onProgress: (p: SyntheticProgress) => void = () => {},
): Promise<SyntheticSummary> {
  const options = parseSyntheticOptions(input)
  if (await emailTaken(ctx.db, syntheticEmail(0)))
    throw new SyntheticOptionsError(
      `This database already holds synthetic people (${syntheticEmail(0)}); load into a fresh database`,
    )
  const hashStart = performance.now()
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD)
  const passwordHashSeconds = seconds(hashStart)

  const personOptions = {
    seed: options.seed,
    tripsPerPerson: options.tripsPerPerson,
    today: Math.floor((options.today ? Date.parse(options.today) : Date.now()) / 86_400_000),
  }
  const totals = { people: 0, residences: 0, trips: 0, destinations: 0, rows: 0, sealMs: 0 }
  const loadStart = performance.now()
  let lastReport = loadStart
  let pending: Promise<void> = Promise.resolve()
  for (let from = 0; from < options.people; from += options.batchSize) {
    const batch = buildBatch(
      ctx.secrets,
      from,
      Math.min(options.people, from + options.batchSize),
      personOptions,
    )
    await pending
    pending = writeBatch(ctx.db, batch, passwordHash).then(() => {
      totals.people += batch.citizens.length
      totals.residences += batch.residences.length
      totals.trips += batch.trips.length
      totals.destinations += batch.destinations
      totals.rows += batchRows(batch)
      totals.sealMs += batch.sealMs
      const now = performance.now()
      if (now - lastReport >= 2000 || totals.people === options.people) {
        lastReport = now
        onProgress({
          people: totals.people,
          total: options.people,
          rows: totals.rows,
          seconds: seconds(loadStart),
        })
      }
    })
  }
  await pending
  const loadSeconds = seconds(loadStart)

  const vacuumStart = performance.now()
  await vacuumCitizens(ctx.db)
  await vacuumRegistry(ctx.db)
  return {
    engine: ctx.engine,
    seed: options.seed,
    people: totals.people,
    residences: totals.residences,
    trips: totals.trips,
    destinations: totals.destinations,
    rows: totals.rows,
    passwordHashSeconds,
    loadSeconds,
    rowsPerSecond: Math.round(totals.rows / Math.max(loadSeconds, 0.001)),
    peoplePerSecond: Math.round(totals.people / Math.max(loadSeconds, 0.001)),
    sealSeconds: +(totals.sealMs / 1000).toFixed(2),
    vacuumSeconds: seconds(vacuumStart),
  }
}
