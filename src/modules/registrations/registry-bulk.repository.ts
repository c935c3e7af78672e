import { type Kysely, sql } from 'kysely'
import type { Database, Db } from '../../database.ts'
import type { ProfileChanges } from './profile.repository.ts'
import type { TripRecord } from './trip.repository.ts'

export type NewProfile = Required<
  Omit<ProfileChanges, 'emergency_contacts' | 'surname' | 'given_names' | 'phone_verified_at'>
> & {
  readonly user_id: string
  /** JSON text of the contacts. */
  readonly emergency_contacts: string
}

export interface NewResidence {
  readonly user_id: string
  readonly country: string
  readonly city: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly since: string | null
}

export type NewTrip = Omit<TripRecord, 'travellers'> & { readonly user_id: string }

const col = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key])

const point = sql`case when t.lon is null then null else ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) end`

/** Profiles by the thousand in one statement (a synthetic registry); columns travel as arrays. */
export async function insertProfiles(db: Db, rows: readonly NewProfile[]): Promise<void> {
  if (rows.length === 0) return
  await sql`
    insert into profiles (user_id, name_latin, name_zh, date_of_birth, sex, passport_sealed, passport_digest,
                          passport_last4, phone, consent_to_contact, emergency_contacts)
    select * from unnest(${col(rows, 'user_id')}::uuid[], ${col(rows, 'name_latin')}::text[],
                         ${col(rows, 'name_zh')}::text[], ${col(rows, 'date_of_birth')}::date[],
                         ${col(rows, 'sex')}::text[], ${col(rows, 'passport_sealed')}::text[],
                         ${col(rows, 'passport_digest')}::text[], ${col(rows, 'passport_last4')}::text[],
                         ${col(rows, 'phone')}::text[], ${col(rows, 'consent_to_contact')}::boolean[],
                         ${col(rows, 'emergency_contacts')}::jsonb[])`.execute(db)
}

export async function insertResidences(db: Db, rows: readonly NewResidence[]): Promise<void> {
  if (rows.length === 0) return
  await sql`
    insert into residences (user_id, country, city, location, since)
    select t.user_id, t.country, t.city, ${point}, t.since
      from unnest(${col(rows, 'user_id')}::uuid[], ${col(rows, 'country')}::text[], ${col(rows, 'city')}::text[],
                  ${col(rows, 'lat')}::float8[], ${col(rows, 'lon')}::float8[], ${col(rows, 'since')}::date[])
           as t(user_id, country, city, lat, lon, since)`.execute(db)
}

/** Trips and their destinations (dates copied onto each, as `insertTrip` does). */
export async function insertTrips(db: Db, trips: readonly NewTrip[]): Promise<void> {
  if (trips.length === 0) return
  await sql`
    insert into trips (id, user_id, start_date, end_date)
    select * from unnest(${col(trips, 'id')}::uuid[], ${col(trips, 'user_id')}::uuid[],
                         ${col(trips, 'start_date')}::date[], ${col(trips, 'end_date')}::date[])`.execute(db)
  const stops = trips.flatMap((t) => t.destinations.map((d, seq) => ({ ...d, seq, trip: t })))
  await sql`
    insert into trip_destinations (trip_id, seq, user_id, country, city, location, start_date, end_date)
    select t.trip_id, t.seq, t.user_id, t.country, t.city, ${point}, t.start_date, t.end_date
      from unnest(${stops.map((s) => s.trip.id)}::uuid[], ${col(stops, 'seq')}::int2[],
                  ${stops.map((s) => s.trip.user_id)}::uuid[], ${col(stops, 'country')}::text[],
                  ${col(stops, 'city')}::text[], ${col(stops, 'lat')}::float8[], ${col(stops, 'lon')}::float8[],
                  ${stops.map((s) => s.trip.start_date)}::date[], ${stops.map((s) => s.trip.end_date)}::date[])
           as t(trip_id, seq, user_id, country, city, lat, lon, start_date, end_date)`.execute(db)
}

/** After a bulk load: statistics for the planner and the visibility map for index-only scans. */
export async function vacuumRegistry(db: Kysely<Database>): Promise<void> {
  await sql`vacuum (analyze) profiles, residences, trips, trip_destinations`.execute(db)
}
