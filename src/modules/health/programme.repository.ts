import { type Insertable, sql } from 'kysely'
import type { Db } from '../../database.ts'
import { presenceSql } from '../registrations/index.ts'
import type { HealthProgrammesTable } from './health.table.ts'

const PROGRAMME_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'products',
  'countries',
  'starts_on',
  'ends_on',
  'min_age',
  'max_age',
] as const

export async function insertProgramme(
  db: Db,
  p: Insertable<HealthProgrammesTable>,
  siteIds: readonly string[],
): Promise<void> {
  await db.insertInto('health_programmes').values(p).execute()
  await db
    .insertInto('health_programme_sites')
    .values([...new Set(siteIds)].map((site_id) => ({ programme_id: p.id, site_id })))
    .execute()
}

export function findProgramme(db: Db, id: string) {
  return db.selectFrom('health_programmes').select(PROGRAMME_COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** Every programme, latest start first (the console's list). */
export function listProgrammes(db: Db) {
  return db
    .selectFrom('health_programmes')
    .select(PROGRAMME_COLUMNS)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .limit(500)
    .execute()
}

/** Programmes running on `day` in one of the countries. */
export function runningProgrammes(db: Db, countries: readonly string[], day: string) {
  if (countries.length === 0) return Promise.resolve([])
  return db
    .selectFrom('health_programmes')
    .select(PROGRAMME_COLUMNS)
    .where(sql<boolean>`countries && ${sql.val([...countries])}::text[]`)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
}

export function sitesOfProgrammes(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('health_programme_sites as ps')
    .innerJoin('health_sites as s', 's.id', 'ps.site_id')
    .select(['ps.programme_id', 's.id', 's.name_zh', 's.name_en', 's.mission_code', 's.country'])
    .where('ps.programme_id', 'in', ids)
    .orderBy('s.name_en')
    .orderBy('s.id')
    .execute()
}

export function findSites(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('health_sites')
    .select(['id', 'country', 'mission_code'])
    .where('id', 'in', ids)
    .execute()
}

/** The countries a person is registered in now: residence, a current trip, a fresh location. */
export async function countriesOfPerson(db: Db, userId: string): Promise<string[]> {
  const now = new Date()
  const r = await sql<{ country: string }>`
    select distinct p.country from (${presenceSql({ from: now, to: now })}) p
     where p.user_id = ${userId}::uuid and p.country is not null
     order by p.country`.execute(db)
  return r.rows.map((x) => x.country)
}

export async function upsertScreening(
  db: Db,
  s: { programmeId: string; personId: string; answers: Record<string, unknown>; flags: string[] },
): Promise<void> {
  const values = {
    programme_id: s.programmeId,
    person_id: s.personId,
    answers: JSON.stringify(s.answers),
    flagged: s.flags.length > 0,
    flags: s.flags,
    answered_at: new Date(),
  }
  await db
    .insertInto('health_screenings')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['programme_id', 'person_id']).doUpdateSet({
        answers: values.answers,
        flagged: values.flagged,
        flags: values.flags,
        answered_at: values.answered_at,
      }),
    )
    .execute()
}

export function screeningsOf(db: Db, personId: string, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('health_screenings')
    .select(['programme_id', 'flagged', 'flags', 'answered_at'])
    .where('person_id', '=', personId)
    .where('programme_id', 'in', programmeIds)
    .execute()
}

export async function insertBooking(
  db: Db,
  b: { appointmentId: string; programmeId: string; personId: string; siteId: string; doseNumber: number },
): Promise<void> {
  await db
    .insertInto('health_bookings')
    .values({
      appointment_id: b.appointmentId,
      programme_id: b.programmeId,
      person_id: b.personId,
      site_id: b.siteId,
      dose_number: b.doseNumber,
    })
    .execute()
}

export function bookingsOfPerson(db: Db, personId: string) {
  return db
    .selectFrom('health_bookings')
    .select(['appointment_id', 'programme_id', 'site_id', 'dose_number', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute()
}

/** The programme bookings behind a day's appointments, with the screening each person gave. */
export function bookingsWithScreening(db: Db, appointmentIds: readonly string[]) {
  if (appointmentIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('health_bookings as b')
    .leftJoin('health_screenings as s', (j) =>
      j.onRef('s.programme_id', '=', 'b.programme_id').onRef('s.person_id', '=', 'b.person_id'),
    )
    .select([
      'b.appointment_id',
      'b.programme_id',
      'b.person_id',
      'b.site_id',
      'b.dose_number',
      's.flagged',
      's.flags',
    ])
    .select((eb) =>
      eb
        .selectFrom('health_doses as d')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('d.person_id', '=', 'b.person_id')
        .as('doses_so_far'),
    )
    .where('b.appointment_id', 'in', appointmentIds)
    .execute()
}
