import { type Insertable, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import { drawnAreaSql, placedAreaSql } from '../../platform/geo/antimeridian.ts'
import { countryNamesSql } from '../reference/index.ts'
import type { AdvisoryRegionVersionsTable } from './advisories.table.ts'

const areaJson = sql<string | null>`ST_AsGeoJSON(area)`.as('area')

const COLUMNS = [
  'id',
  'country',
  'region_key',
  'version',
  'status',
  'retired',
  'level',
  'name_zh',
  'name_en',
  'summary_zh',
  'summary_en',
  'advice',
  'drafted_by',
  'drafted_at',
  'published_at',
] as const

export function regionDraftRow(db: Db, country: string, key: string) {
  return db
    .selectFrom('advisory_region_versions')
    .select([...COLUMNS, areaJson])
    .where('country', '=', country)
    .where('region_key', '=', key)
    .where('status', '=', 'draft')
    .executeTakeFirst()
}

export type RegionRow = NonNullable<Awaited<ReturnType<typeof regionDraftRow>>>

/**
 * The latest published version of each region of the country (retired ones included). Areas
 * can hold thousands of points: lists leave them out (`area` null) unless `key` names one region.
 */
export function currentRegionRows(db: Db, country: string, key?: string): Promise<RegionRow[]> {
  let q = db
    .selectFrom('advisory_region_versions')
    .distinctOn('region_key')
    .select([...COLUMNS, key ? areaJson : sql<string | null>`null::text`.as('area')])
    .where('country', '=', country)
    .where('status', '=', 'published')
  if (key) q = q.where('region_key', '=', key)
  return q.orderBy('region_key').orderBy('version', 'desc').execute()
}

export function regionHistoryRows(db: Db, country: string, key: string) {
  return db
    .selectFrom('advisory_region_versions')
    .select(['version', 'level', 'retired', 'summary_zh', 'summary_en', 'published_at'])
    .where('country', '=', country)
    .where('region_key', '=', key)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(50)
    .execute()
}

export type RegionDraftValues = Pick<
  Insertable<AdvisoryRegionVersionsTable>,
  | 'country'
  | 'region_key'
  | 'level'
  | 'name_zh'
  | 'name_en'
  | 'summary_zh'
  | 'summary_en'
  | 'advice'
  | 'drafted_by'
> & { areaGeoJson: string | null }

/** Writes the one open draft of the region, whether or not there was one. */
export async function upsertRegionDraft(db: Db, id: string, v: RegionDraftValues): Promise<void> {
  const { areaGeoJson, ...values } = v
  const area = areaGeoJson === null ? null : placedAreaSql(areaGeoJson)
  const changes = { ...values, area, drafted_at: sql<Date>`now()` }
  await db
    .insertInto('advisory_region_versions')
    .values({ id, status: 'draft', version: null, ...changes })
    .onConflict((oc) =>
      // A literal, not a parameter: PostgreSQL must see it to pick the partial unique index.
      oc.columns(['country', 'region_key']).where(sql<boolean>`status = 'draft'`).doUpdateSet(changes),
    )
    .execute()
}

/** Serialises publishing and retiring one region, so two changes never take the same version. */
export async function lockRegion(trx: Transaction<Database>, country: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`advisory_region:${country}/${key}`}))`.execute(trx)
}

export async function nextRegionVersion(db: Db, country: string, key: string): Promise<number> {
  const r = await db
    .selectFrom('advisory_region_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('country', '=', country)
    .where('region_key', '=', key)
    .executeTakeFirst()
  return r?.next ?? 1
}

export async function markRegionPublished(db: Db, id: string, version: number, by: string): Promise<void> {
  await db
    .updateTable('advisory_region_versions')
    .set({ status: 'published', version, published_by: by, published_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** A retire is a new published version: the last one's text and area, marked retired. */
export async function insertRetirement(
  db: Db,
  id: string,
  from: string,
  version: number,
  by: string,
): Promise<void> {
  await sql`
    insert into advisory_region_versions (id, country, region_key, version, status, retired, level,
      name_zh, name_en, summary_zh, summary_en, advice, area, drafted_by, published_by, published_at)
    select ${id}, country, region_key, ${version}, 'published', true, level,
      name_zh, name_en, summary_zh, summary_en, advice, area, ${by}, ${by}, now()
      from advisory_region_versions where id = ${from}`.execute(db)
}

export function recentRegionPublished(db: Db, limit: number) {
  return db
    .selectFrom('advisory_region_versions as v')
    .innerJoin(countryNamesSql().as('c'), 'c.code', 'v.country')
    .select([
      'v.id',
      'v.country',
      'v.region_key',
      'v.version',
      'v.level',
      'v.retired',
      'v.name_zh as region_zh',
      'v.name_en as region_en',
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

/** Why PostGIS finds the area invalid (a ring crossing itself …), or null when it is valid. */
export async function areaProblem(db: Db, geojson: string): Promise<string | null> {
  try {
    const r = await sql<{ valid: boolean; reason: string }>`
      select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason
        from (select ${drawnAreaSql(geojson)} as g) x`.execute(db)
    const row = r.rows[0]
    return row?.valid ? null : (row?.reason ?? 'not a valid area')
  } catch (err) {
    return err instanceof Error ? err.message : 'not a valid area'
  }
}
