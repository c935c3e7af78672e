import { type Insertable, sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../database.ts'
import { accountsSql } from '../identity/index.ts'
import { countryNamesSql } from '../reference/index.ts'
import type { AdvisoryVersionsTable } from './advisories.table.ts'

/** The latest published version of every country (countries never published have none). */
export function currentRows(db: Db, country?: string) {
  let q = db
    .selectFrom(countryNamesSql().as('c'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('advisory_versions')
          .distinctOn('country')
          .selectAll()
          .where('status', '=', 'published')
          .orderBy('country')
          .orderBy('version', 'desc')
          .as('v'),
      (join) => join.onRef('v.country', '=', 'c.code'),
    )
    .select([
      'c.code',
      'c.name_zh',
      'c.name_en',
      'v.level',
      'v.summary_zh',
      'v.summary_en',
      'v.advice',
      'v.version',
      'v.published_at',
      sql<number | null>`(
        select max(r.level) from (
          select distinct on (rv.region_key) rv.level, rv.retired from advisory_region_versions rv
           where rv.country = c.code and rv.status = 'published'
           order by rv.region_key, rv.version desc) r
         where not r.retired)`.as('max_region_level'),
    ])
  if (country) q = q.where('c.code', '=', country)
  return q.orderBy('c.code').execute()
}

export function historyRows(db: Db, country: string) {
  return db
    .selectFrom('advisory_versions')
    .select(['version', 'level', 'summary_zh', 'summary_en', 'published_at'])
    .where('country', '=', country)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(50)
    .execute()
}

/** The two latest published versions with their advice: what the current one changed. */
export function latestTwoVersions(db: Db, country: string) {
  return db
    .selectFrom('advisory_versions')
    .select(['version', 'level', 'summary_zh', 'summary_en', 'advice'])
    .where('country', '=', country)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(2)
    .execute()
}

export function draftRow(db: Db, country: string) {
  return db
    .selectFrom('advisory_versions')
    .selectAll()
    .where('country', '=', country)
    .where('status', '=', 'draft')
    .executeTakeFirst()
}

/** Open drafts with their author's name; `countries` null means every country. */
export function openDrafts(db: Db, countries: readonly string[] | null) {
  let q = db
    .selectFrom('advisory_versions as v')
    .leftJoin(accountsSql().as('u'), 'u.id', 'v.drafted_by')
    .select(['v.country', 'v.level', 'v.drafted_at', 'v.drafted_by', 'u.name as drafted_by_name'])
    .where('v.status', '=', 'draft')
  if (countries) q = q.where('v.country', 'in', countries.length ? [...countries] : [''])
  return q.orderBy('v.country').execute()
}

export function recentPublished(db: Db, limit: number) {
  return db
    .selectFrom('advisory_versions as v')
    .innerJoin(countryNamesSql().as('c'), 'c.code', 'v.country')
    .select([
      'v.id',
      'v.country',
      'v.version',
      'v.level',
      'v.summary_zh',
      'v.summary_en',
      'v.published_at',
      'c.name_zh',
      'c.name_en',
    ])
    .where('v.status', '=', 'published')
    .orderBy('v.published_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute()
}

export async function nextVersion(db: Db, country: string): Promise<number> {
  const r = await db
    .selectFrom('advisory_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('country', '=', country)
    .executeTakeFirst()
  return r?.next ?? 1
}

export type DraftValues = Pick<
  Insertable<AdvisoryVersionsTable>,
  'level' | 'summary_zh' | 'summary_en' | 'advice' | 'drafted_by'
>

/** Writes the country's one open draft: over the one there is, or a new one. */
export async function saveDraftRow(db: Db, country: string, values: DraftValues, existingId?: string) {
  if (existingId)
    await db
      .updateTable('advisory_versions')
      .set({ ...values, drafted_at: sql`now()` })
      .where('id', '=', existingId)
      .execute()
  else
    await db
      .insertInto('advisory_versions')
      .values({ id: uuidv7(), country, status: 'draft', version: null, ...values })
      .execute()
}

export async function markPublished(db: Db, id: string, version: number, by: string): Promise<void> {
  await db
    .updateTable('advisory_versions')
    .set({ status: 'published', version, published_by: by, published_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}
