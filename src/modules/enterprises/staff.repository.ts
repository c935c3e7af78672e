import { sql } from 'kysely'
import type { Db } from '../../database.ts'

export interface StaffRow {
  id: string
  site_id: string
  name: string
  phone: string
  passport_last4: string | null
  user_id: string | null
  updated_at: Date
}

export interface TrainingRow {
  id: string
  staff_id: string
  course: string
  taken_on: string
  valid_until: string
}

export interface NewStaff {
  id: string
  name: string
  phone: string
  passport_sealed: string | null
  passport_digest: string | null
  passport_last4: string | null
  user_id: string | null
}

const STAFF_COLUMNS = ['id', 'site_id', 'name', 'phone', 'passport_last4', 'user_id', 'updated_at'] as const

export function staffOfSite(db: Db, siteId: string): Promise<StaffRow[]> {
  return db
    .selectFrom('enterprise_staff')
    .select(STAFF_COLUMNS)
    .where('site_id', '=', siteId)
    .orderBy('name')
    .orderBy('id')
    .execute()
}

export function findStaffRow(db: Db, siteId: string, staffId: string): Promise<StaffRow | undefined> {
  return db
    .selectFrom('enterprise_staff')
    .select(STAFF_COLUMNS)
    .where('site_id', '=', siteId)
    .where('id', '=', staffId)
    .executeTakeFirst()
}

export function trainingsOf(db: Db, staffIds: readonly string[]): Promise<TrainingRow[]> {
  if (staffIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('enterprise_trainings')
    .select(['id', 'staff_id', 'course', 'taken_on', 'valid_until'])
    .where('staff_id', 'in', staffIds)
    .orderBy('valid_until', 'desc')
    .orderBy('id')
    .execute()
}

/**
 * Adds the people, or changes those the site already lists by phone number; says which were new.
 * One statement for a whole roster.
 */
export async function upsertStaff(
  db: Db,
  enterpriseId: string,
  siteId: string,
  rows: readonly NewStaff[],
): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 }
  const col = <K extends keyof NewStaff>(k: K) => rows.map((r) => r[k])
  const { rows: out } = await sql<{ created: boolean }>`
    insert into enterprise_staff (id, enterprise_id, site_id, name, phone, passport_sealed, passport_digest,
                                  passport_last4, user_id)
    select x.id, ${enterpriseId}::uuid, ${siteId}::uuid, x.name, x.phone, x.sealed, x.digest, x.last4, x.user_id
      from unnest(${col('id')}::uuid[], ${col('name')}::text[], ${col('phone')}::text[],
                  ${col('passport_sealed')}::text[], ${col('passport_digest')}::text[],
                  ${col('passport_last4')}::text[], ${col('user_id')}::uuid[])
           as x(id, name, phone, sealed, digest, last4, user_id)
    on conflict (site_id, phone) do update set
      name = excluded.name,
      passport_sealed = coalesce(excluded.passport_sealed, enterprise_staff.passport_sealed),
      passport_digest = coalesce(excluded.passport_digest, enterprise_staff.passport_digest),
      passport_last4 = coalesce(excluded.passport_last4, enterprise_staff.passport_last4),
      user_id = excluded.user_id,
      updated_at = now()
    returning (xmax = 0) as created`.execute(db)
  const created = out.filter((r) => r.created).length
  return { created, updated: out.length - created }
}

export async function updateStaffRow(
  db: Db,
  staffId: string,
  values: Omit<NewStaff, 'id' | 'passport_sealed' | 'passport_digest' | 'passport_last4'> &
    Partial<Pick<NewStaff, 'passport_sealed' | 'passport_digest' | 'passport_last4'>>,
): Promise<void> {
  await db
    .updateTable('enterprise_staff')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', staffId)
    .execute()
}

export async function deleteStaffRow(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('enterprise_staff').where('id', '=', staffId).execute()
}

export async function phoneTakenAtSite(db: Db, siteId: string, phone: string, exceptId: string) {
  const row = await db
    .selectFrom('enterprise_staff')
    .select('id')
    .where('site_id', '=', siteId)
    .where('phone', '=', phone)
    .where('id', '<>', exceptId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertTraining(
  db: Db,
  row: { id: string; staff_id: string; course: string; taken_on: string; valid_until: string },
): Promise<void> {
  await db.insertInto('enterprise_trainings').values(row).execute()
}

export async function deleteTrainingRow(db: Db, staffId: string, trainingId: string): Promise<number> {
  const r = await db
    .deleteFrom('enterprise_trainings')
    .where('staff_id', '=', staffId)
    .where('id', '=', trainingId)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

export interface CoverageRow {
  site_id: string
  site_name: string
  country: string
  staff: number
  trained: number
  expiring: number
  expired: number
}

/**
 * Per site of the enterprise: its roster's size, who holds a training valid on `today`, and who
 * holds only ones expiring within 30 days or expired (judged by each person's latest training).
 */
export async function coverageOf(db: Db, enterpriseId: string, today: string): Promise<CoverageRow[]> {
  const { rows } = await sql<CoverageRow>`
    with best as (
      select st.id, st.site_id, max(t.valid_until) as until
        from enterprise_staff st left join enterprise_trainings t on t.staff_id = st.id
       where st.enterprise_id = ${enterpriseId}::uuid
       group by st.id, st.site_id)
    select s.id as site_id, s.name as site_name, s.country,
           count(b.id)::int as staff,
           count(*) filter (where b.until >= ${today}::date)::int as trained,
           count(*) filter (where b.until >= ${today}::date and b.until <= ${today}::date + 30)::int as expiring,
           count(*) filter (where b.until < ${today}::date)::int as expired
      from enterprise_sites s left join best b on b.site_id = s.id
     where s.enterprise_id = ${enterpriseId}::uuid
     group by s.id, s.name, s.country, s.created_at
     order by s.created_at, s.id`.execute(db)
  return rows
}

export interface FlaggedRow {
  staff_id: string
  site_id: string
  name: string
  course: string
  valid_until: string
}

/** Each person's latest training per course that ends before `until` (expired and expiring). */
export async function flaggedTrainings(db: Db, enterpriseId: string, until: string): Promise<FlaggedRow[]> {
  const { rows } = await sql<FlaggedRow>`
    select * from (
      select distinct on (st.id, t.course) st.id as staff_id, st.site_id, st.name, t.course,
             t.valid_until
        from enterprise_staff st join enterprise_trainings t on t.staff_id = st.id
       where st.enterprise_id = ${enterpriseId}::uuid
       order by st.id, t.course, t.valid_until desc) latest
     where latest.valid_until <= ${until}::date
     order by latest.valid_until, latest.name, latest.staff_id
     limit 500`.execute(db)
  return rows
}
