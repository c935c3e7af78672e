import { type Insertable, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { HealthSitesTable } from './health.table.ts'

export function listSites(db: Db) {
  return db
    .selectFrom('health_sites')
    .select(['id', 'name_zh', 'name_en', 'mission_code', 'country'])
    .orderBy('name_en')
    .orderBy('id')
    .execute()
}

export function findSite(db: Db, id: string) {
  return db
    .selectFrom('health_sites')
    .select(['id', 'name_zh', 'name_en', 'mission_code', 'country'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The site a clinician works at. */
export function siteOfClinician(db: Db, userId: string) {
  return db
    .selectFrom('health_clinicians as c')
    .innerJoin('health_sites as s', 's.id', 'c.site_id')
    .select(['s.id', 's.name_zh', 's.name_en', 's.mission_code', 's.country'])
    .where('c.user_id', '=', userId)
    .executeTakeFirst()
}

export type NewSite = Omit<Insertable<HealthSitesTable>, 'location'> & {
  lon: number | null
  lat: number | null
}

/** A mission's site, once: an existing one is kept. Returns its id. */
export async function ensureMissionSite(db: Db, site: NewSite): Promise<string> {
  const { lon, lat, ...values } = site
  const location = lon === null || lat === null ? null : sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`
  await db
    .insertInto('health_sites')
    .values({ ...values, location })
    .onConflict((oc) => oc.column('mission_code').where('kind', '=', 'mission').doNothing())
    .execute()
  const row = await db
    .selectFrom('health_sites')
    .select('id')
    .where('mission_code', '=', site.mission_code ?? '')
    .where('kind', '=', 'mission')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function assignClinician(db: Db, userId: string, siteId: string): Promise<void> {
  await db
    .insertInto('health_clinicians')
    .values({ user_id: userId, site_id: siteId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ site_id: siteId }))
    .execute()
}

export async function addLots(db: Db, rows: readonly { site_id: string; product: string; lot: string }[]) {
  if (rows.length === 0) return
  await db
    .insertInto('health_lots')
    .values([...rows])
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function lotKnown(db: Db, siteId: string, product: string, lot: string): Promise<boolean> {
  const row = await db
    .selectFrom('health_lots')
    .select('lot')
    .where('site_id', '=', siteId)
    .where('product', '=', product)
    .where('lot', '=', lot)
    .executeTakeFirst()
  return row !== undefined
}
