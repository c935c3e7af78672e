import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { TripDestinationRow, TripRow } from './registrations.table.ts'

/** A destination with its point as coordinates. */
export type Destination = Pick<TripDestinationRow, 'country' | 'city'> &
  Partial<Pick<TripDestinationRow, 'city_id' | 'address' | 'phone'>> & {
    lat: number | null
    lon: number | null
  }

/** A trip with its destinations in order and the ids of the dependants travelling on it. */
export type TripRecord = Pick<TripRow, 'id' | 'start_date' | 'end_date'> & {
  destinations: Destination[]
  travellers: string[]
}

export async function listTripRows(db: Db, userId: string, tripId?: string): Promise<TripRecord[]> {
  let q = db
    .selectFrom('trips as t')
    .select([
      't.id',
      't.start_date',
      't.end_date',
      sql<Destination[]>`coalesce((
        select json_agg(json_build_object('country', d.country, 'city', d.city, 'city_id', d.city_id,
                 'address', d.address, 'phone', d.phone,
                 'lat', ST_Y(d.location), 'lon', ST_X(d.location)) order by d.seq)
        from trip_destinations d where d.trip_id = t.id), '[]'::json)`.as('destinations'),
      sql<string[]>`coalesce((
        select json_agg(tt.dependant_id order by tt.dependant_id)
        from trip_travellers tt where tt.trip_id = t.id), '[]'::json)`.as('travellers'),
    ])
    .where('t.user_id', '=', userId)
  if (tripId) q = q.where('t.id', '=', tripId)
  return q.orderBy('t.start_date').orderBy('t.id').execute()
}

export async function insertTrip(db: Db, userId: string, trip: TripRecord): Promise<void> {
  await db
    .insertInto('trips')
    .values({ id: trip.id, user_id: userId, start_date: trip.start_date, end_date: trip.end_date })
    .execute()
  await insertDestinations(db, userId, trip)
  await insertTravellers(db, trip)
}

async function insertTravellers(db: Db, trip: TripRecord): Promise<void> {
  if (trip.travellers.length === 0) return
  await db
    .insertInto('trip_travellers')
    .values(trip.travellers.map((dependantId) => ({ trip_id: trip.id, dependant_id: dependantId })))
    .execute()
}

async function insertDestinations(db: Db, userId: string, trip: TripRecord): Promise<void> {
  await db
    .insertInto('trip_destinations')
    .values(
      trip.destinations.map((d, seq) => ({
        trip_id: trip.id,
        seq,
        user_id: userId,
        country: d.country,
        city: d.city,
        city_id: d.city_id ?? null,
        address: d.address ?? null,
        phone: d.phone ?? null,
        location:
          d.lat === null || d.lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${d.lon}, ${d.lat}), 4326)`,
        start_date: trip.start_date,
        end_date: trip.end_date,
      })),
    )
    .execute()
}

/** Replaces dates and destinations; the travellers too when `withTravellers` is set. */
export async function replaceTrip(
  db: Db,
  userId: string,
  trip: TripRecord,
  withTravellers: boolean,
): Promise<boolean> {
  const updated = await db
    .updateTable('trips')
    .set({ start_date: trip.start_date, end_date: trip.end_date, updated_at: sql`now()` })
    .where('id', '=', trip.id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (updated.numUpdatedRows === 0n) return false
  await db.deleteFrom('trip_destinations').where('trip_id', '=', trip.id).execute()
  await insertDestinations(db, userId, trip)
  if (withTravellers) {
    await db.deleteFrom('trip_travellers').where('trip_id', '=', trip.id).execute()
    await insertTravellers(db, trip)
  }
  return true
}

export async function deleteTrip(db: Db, userId: string, tripId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('trips')
    .where('id', '=', tripId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return res.numDeletedRows > 0n
}

/** Trips of the person with the same dates and the same countries in the same order. */
export async function findSameTrip(db: Db, userId: string, trip: TripRecord): Promise<string | undefined> {
  const countries = trip.destinations.map((d) => d.country).join(',')
  const row = await sql<{ id: string }>`
    select t.id from trips t
    where t.user_id = ${userId} and t.start_date = ${trip.start_date} and t.end_date = ${trip.end_date}
      and t.id <> ${trip.id}
      and (select string_agg(d.country, ',' order by d.seq) from trip_destinations d where d.trip_id = t.id) = ${countries}
    limit 1`.execute(db)
  return row.rows[0]?.id
}

/** Trips that ended more than `days` ago (the retention purge); how many went. */
export async function deleteTripsEndedBefore(db: Db, days: number): Promise<number> {
  const r = await db
    .deleteFrom('trips')
    .where('end_date', '<', sql<string>`(current_date - make_interval(days => ${days}))::date`)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
