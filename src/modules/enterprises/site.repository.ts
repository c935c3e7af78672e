import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { placedAreaSql } from '../../platform/geo/antimeridian.ts'
import type { SiteBody } from './site.schema.ts'

const SITE_COLUMNS = sql`s.id, s.enterprise_id, e.name as enterprise_name, e.name_zh as enterprise_name_zh,
  e.status as enterprise_status, s.name, s.kind, s.country, ST_Y(s.location) as lat, ST_X(s.location) as lon,
  ST_AsGeoJSON(s.area) as area, s.staff_chinese, s.staff_local, s.staff_other, s.officer_name,
  s.officer_phone, s.officer_email, s.measures, s.created_at, s.updated_at,
  (select a.score from enterprise_assessments a where a.enterprise_id = s.enterprise_id
    order by a.submitted_at desc limit 1) as assessment_score,
  s.plan_name, s.plan_size, s.plan_uploaded_at,
  (select count(*)::int from enterprise_staff st where st.site_id = s.id) as roster_size,
  (select count(*)::int from enterprise_staff st where st.site_id = s.id and exists (
    select 1 from enterprise_trainings t where t.staff_id = st.id and t.valid_until >= current_date)) as roster_trained`

export interface SiteRow {
  id: string
  enterprise_id: string
  enterprise_name: string
  enterprise_name_zh: string
  enterprise_status: string
  name: string
  kind: SiteBody['kind']
  country: string
  lat: number
  lon: number
  area: string | null
  staff_chinese: number
  staff_local: number
  staff_other: number
  officer_name: string
  officer_phone: string
  officer_email: string
  measures: Record<string, unknown>
  created_at: Date
  updated_at: Date
  assessment_score: number | null
  plan_name: string | null
  plan_size: number | null
  plan_uploaded_at: Date | null
  roster_size: number
  roster_trained: number
}

function values(body: SiteBody) {
  return {
    name: body.name,
    kind: body.kind,
    country: body.country,
    location: sql`ST_SetSRID(ST_MakePoint(${body.lon}, ${body.lat}), 4326)`,
    area: body.area ? placedAreaSql(JSON.stringify(body.area)) : null,
    staff_chinese: body.staff.chinese,
    staff_local: body.staff.local,
    staff_other: body.staff.other,
    officer_name: body.securityOfficer.name,
    officer_phone: body.securityOfficer.phone,
    officer_email: body.securityOfficer.email,
    measures: JSON.stringify(body.measures ?? {}),
  }
}

export async function insertSite(db: Db, id: string, enterpriseId: string, body: SiteBody): Promise<void> {
  await db
    .insertInto('enterprise_sites')
    .values({ id, enterprise_id: enterpriseId, ...values(body) })
    .execute()
}

export async function updateSiteRow(db: Db, id: string, body: SiteBody): Promise<void> {
  await db
    .updateTable('enterprise_sites')
    .set({ ...values(body), updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function findSiteRow(db: Db, id: string): Promise<SiteRow | undefined> {
  const { rows } = await sql<SiteRow>`select ${SITE_COLUMNS} from enterprise_sites s
    join enterprises e on e.id = s.enterprise_id where s.id = ${id}::uuid`.execute(db)
  return rows[0]
}

export async function sitesOfEnterprise(db: Db, enterpriseId: string): Promise<SiteRow[]> {
  const { rows } = await sql<SiteRow>`select ${SITE_COLUMNS} from enterprise_sites s
    join enterprises e on e.id = s.enterprise_id where s.enterprise_id = ${enterpriseId}::uuid
    order by s.created_at, s.id`.execute(db)
  return rows
}

/** Verified enterprises' sites for staff: in `countries` (null: all), by id after `cursor`. */
export async function staffSiteRows(
  db: Db,
  countries: readonly string[] | null,
  country: string | undefined,
  cursor: string | undefined,
  limit: number,
): Promise<SiteRow[]> {
  const { rows } = await sql<SiteRow>`select ${SITE_COLUMNS} from enterprise_sites s
    join enterprises e on e.id = s.enterprise_id
    where e.status = 'verified'
      ${countries ? sql`and s.country = any(${[...countries]}::text[])` : sql``}
      ${country ? sql`and s.country = ${country}` : sql``}
      ${cursor ? sql`and s.id > ${cursor}::uuid` : sql``}
    order by s.id limit ${limit}`.execute(db)
  return rows
}

/** Verified enterprises' sites counted per country (in `countries`; null: all). */
export async function sitesByCountryRows(db: Db, countries: readonly string[] | null) {
  const { rows } = await sql<{ country: string; sites: number; enterprises: number; staff: number }>`
    select s.country, count(*)::int as sites, count(distinct s.enterprise_id)::int as enterprises,
           sum(s.staff_chinese + s.staff_local + s.staff_other)::int as staff
      from enterprise_sites s join enterprises e on e.id = s.enterprise_id
     where e.status = 'verified' ${countries ? sql`and s.country = any(${[...countries]}::text[])` : sql``}
     group by s.country order by s.country`.execute(db)
  return rows
}

export async function setPlan(db: Db, siteId: string, plan: { sha256: string; size: number; name: string }) {
  await db
    .updateTable('enterprise_sites')
    .set({
      plan_sha256: plan.sha256,
      plan_size: plan.size,
      plan_name: plan.name,
      plan_uploaded_at: new Date(),
    })
    .where('id', '=', siteId)
    .execute()
}

export function planOf(db: Db, siteId: string) {
  return db
    .selectFrom('enterprise_sites')
    .select(['plan_sha256', 'plan_name'])
    .where('id', '=', siteId)
    .executeTakeFirst()
}
