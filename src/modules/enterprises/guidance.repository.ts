import { sql } from 'kysely'
import type { Db } from '../../database.ts'

export interface GuidanceRow {
  id: string
  country: string
  version: number | null
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  drafted_at: Date
  published_at: Date | null
}

const COLUMNS = [
  'id',
  'country',
  'version',
  'title_zh',
  'title_en',
  'body_zh',
  'body_en',
  'drafted_at',
  'published_at',
] as const

export function draftOf(db: Db, country: string): Promise<GuidanceRow | undefined> {
  return db
    .selectFrom('enterprise_guidance')
    .select(COLUMNS)
    .where('country', '=', country)
    .where('version', 'is', null)
    .executeTakeFirst()
}

/** Published versions, newest first. */
export function versionsOf(db: Db, country: string, limit = 50): Promise<GuidanceRow[]> {
  return db
    .selectFrom('enterprise_guidance')
    .select(COLUMNS)
    .where('country', '=', country)
    .where('version', 'is not', null)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute()
}

export async function saveDraftRow(
  db: Db,
  id: string,
  country: string,
  values: { title_zh: string; title_en: string; body_zh: string; body_en: string; drafted_by: string },
): Promise<void> {
  await db
    .insertInto('enterprise_guidance')
    .values({ id, country, ...values })
    .onConflict((oc) =>
      oc
        .column('country')
        .where('version', 'is', null)
        .doUpdateSet({ ...values, drafted_at: new Date() }),
    )
    .execute()
}

/** Gives the draft the next version; the draft row is locked so two publications cannot collide. */
export async function publishDraftRow(db: Db, country: string, publishedBy: string) {
  const { rows } = await sql<{ id: string; version: number }>`
    with d as (select id from enterprise_guidance where country = ${country} and version is null for update),
    v as (select coalesce(max(version), 0) + 1 as next from enterprise_guidance where country = ${country})
    update enterprise_guidance g set version = v.next, published_by = ${publishedBy}::uuid, published_at = now()
      from d, v where g.id = d.id
    returning g.id, g.version`.execute(db)
  return rows[0]
}

/** Latest published guidance for each of `countries`. */
export async function currentOf(db: Db, countries: readonly string[]): Promise<GuidanceRow[]> {
  if (countries.length === 0) return []
  const { rows } = await sql<GuidanceRow>`
    select distinct on (country) id, country, version, title_zh, title_en, body_zh, body_en, drafted_at, published_at
      from enterprise_guidance where country = any(${[...countries]}::text[]) and version is not null
     order by country, version desc`.execute(db)
  return rows
}

/** The countries the enterprise has sites in, with how many. */
export async function siteCountriesOf(db: Db, enterpriseId: string) {
  const { rows } = await sql<{ country: string; sites: number }>`
    select country, count(*)::int as sites from enterprise_sites where enterprise_id = ${enterpriseId}::uuid
     group by country order by country`.execute(db)
  return rows
}

/** Administrators and security officers of verified enterprises with a site in the country. */
export function membersWithSitesIn(country: string) {
  return sql<{ user_id: string }>`
    select m.user_id from enterprise_members m join enterprises e on e.id = m.enterprise_id
     where e.status = 'verified'
       and exists (select 1 from enterprise_sites s where s.enterprise_id = e.id and s.country = ${country})`
}
