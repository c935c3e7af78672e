import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'

export function findProfileRow(db: Db, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('profiles as p', 'p.user_id', 'u.id')
    .leftJoin('residences as r', 'r.user_id', 'u.id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.phone as login_phone',
      'p.name_latin',
      'p.name_zh',
      'p.date_of_birth',
      'p.sex',
      'p.passport_sealed',
      'p.passport_last4',
      'p.phone',
      'p.consent_to_contact',
      'p.emergency_contacts',
      'r.country as residence_country',
      'r.city as residence_city',
      'r.address as residence_address',
      'r.since as residence_since',
      sql<number | null>`ST_Y(r.location)`.as('residence_lat'),
      sql<number | null>`ST_X(r.location)`.as('residence_lon'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst()
}

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>

export interface ProfileChanges {
  name_latin?: string | null
  name_zh?: string | null
  date_of_birth?: string | null
  sex?: 'F' | 'M' | 'X' | null
  passport_sealed?: string | null
  passport_digest?: string | null
  passport_last4?: string | null
  phone?: string | null
  consent_to_contact?: boolean
  emergency_contacts?: string
}

export async function upsertProfile(db: Db, userId: string, changes: ProfileChanges): Promise<void> {
  await db
    .insertInto('profiles')
    .values({ user_id: userId, ...changes, emergency_contacts: changes.emergency_contacts ?? '[]' })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...changes, updated_at: sql`now()` }))
    .execute()
}

export interface ResidenceRow {
  country: string
  city: string | null
  address: string | null
  lat: number | null
  lon: number | null
  since: string | null
}

export async function upsertResidence(db: Db, userId: string, r: ResidenceRow): Promise<void> {
  const location =
    r.lat === null || r.lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${r.lon}, ${r.lat}), 4326)`
  const values = { country: r.country, city: r.city, address: r.address, since: r.since, location }
  await db
    .insertInto('residences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute()
}

export async function deleteResidence(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('residences').where('user_id', '=', userId).execute()
}
