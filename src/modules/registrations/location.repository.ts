import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { CurrentLocationRow } from './registrations.table.ts'

/** "I am here now" with its point as coordinates. */
export type LocationPointRow = Pick<CurrentLocationRow, 'accuracy_m' | 'country' | 'recorded_at'> & {
  lat: number
  lon: number
}

const COLUMNS = [
  sql<number>`ST_Y(location)`.as('lat'),
  sql<number>`ST_X(location)`.as('lon'),
  'accuracy_m',
  'country',
  'recorded_at',
] as const

/** Keeps the person's one current location, read back in the same statement (a second query could race a "forget"). */
export async function upsertLocation(
  db: Db,
  userId: string,
  point: { lat: number; lon: number; accuracyM: number | null; country: string | null },
): Promise<LocationPointRow> {
  const values = {
    location: sql`ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326)`,
    country: point.country,
    accuracy_m: point.accuracyM,
    recorded_at: sql<Date>`now()`,
  }
  return db
    .insertInto('current_locations')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
}

export function findLocation(db: Db, userId: string): Promise<LocationPointRow | undefined> {
  return db.selectFrom('current_locations').select(COLUMNS).where('user_id', '=', userId).executeTakeFirst()
}

export async function deleteLocation(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('current_locations').where('user_id', '=', userId).execute()
}

/** Locations recorded more than `days` ago (the retention purge); how many went. */
export async function deleteLocationsOlderThan(db: Db, days: number): Promise<number> {
  const r = await db
    .deleteFrom('current_locations')
    .where('recorded_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
