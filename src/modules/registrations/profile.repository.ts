import { sql, type Updateable } from 'kysely'
import type { Db } from '../../database.ts'
import { accountsSql } from '../identity/index.ts'
import type { ProfilesTable, ResidenceRow } from './registrations.table.ts'

/** The account with its profile and residence (both may be missing), for the person's own profile. */
export function findProfileRow(db: Db, userId: string) {
  return db
    .selectFrom(accountsSql().as('u'))
    .leftJoin('profiles as p', 'p.user_id', 'u.id')
    .leftJoin('residences as r', 'r.user_id', 'u.id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.phone as login_phone',
      'p.name_latin',
      'p.surname',
      'p.given_names',
      'p.name_zh',
      'p.date_of_birth',
      'p.sex',
      'p.passport_sealed',
      'p.passport_last4',
      'p.passport_digest',
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

export type OwnProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>

export type ProfileChanges = Omit<Updateable<ProfilesTable>, 'user_id' | 'updated_at'>

export async function upsertProfile(db: Db, userId: string, changes: ProfileChanges): Promise<void> {
  await db
    .insertInto('profiles')
    .values({ user_id: userId, ...changes, emergency_contacts: changes.emergency_contacts ?? '[]' })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...changes, updated_at: sql`now()` }))
    .execute()
}

/** A residence with its point as coordinates. */
export type ResidenceValues = Pick<ResidenceRow, 'country' | 'city' | 'address' | 'since'> & {
  lat: number | null
  lon: number | null
}

export async function upsertResidence(db: Db, userId: string, r: ResidenceValues): Promise<void> {
  const location =
    r.lat === null || r.lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${r.lon}, ${r.lat}), 4326)`
  const values = { country: r.country, city: r.city, address: r.address, since: r.since, location }
  await db
    .insertInto('residences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute()
}

/** The passport number as sealed in the profile (only for the person's own export and audited reveals). */
export async function findSealedPassport(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('profiles')
    .select('passport_sealed')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.passport_sealed ?? null
}

/** The Latin names and date of birth a health certificate carries, and the passport's blind index. */
export function findCertificateIdentity(db: Db, userId: string) {
  return db
    .selectFrom(accountsSql().as('u'))
    .leftJoin('profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'p.name_latin', 'p.surname', 'p.given_names', 'p.date_of_birth'])
    .where('u.id', '=', userId)
    .executeTakeFirst()
}

/** Accounts whose own passport (not a dependant's) has this blind index. */
export function findProfilesByPassportDigest(db: Db, digest: string) {
  return db
    .selectFrom(accountsSql().as('u'))
    .innerJoin('profiles as p', 'p.user_id', 'u.id')
    .select([
      'u.id',
      'u.name',
      'p.name_latin',
      'p.surname',
      'p.given_names',
      'p.name_zh',
      'p.date_of_birth',
      'p.passport_last4',
    ])
    .where('p.passport_digest', '=', digest)
    .orderBy('u.id')
    .limit(10)
    .execute()
}
