import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import { memberSiteIdsSql } from '../enterprises/index.ts'
import { reachedSitesSql } from './alert.audience.ts'

/** Records the sites the alert reaches, once (the fan-out's transaction). */
export async function insertAlertSites(trx: Transaction<Database>, alertId: string): Promise<number> {
  const result = await sql`
    insert into alert_sites (alert_id, site_id, enterprise_id)
    select ${alertId}::uuid, s.site_id, s.enterprise_id from (${reachedSitesSql(alertId)}) s
    on conflict do nothing`.execute(trx)
  return Number(result.numAffectedRows ?? 0n)
}

/** The sites the alert reached, for another statement (the headcount request's recipients). */
export function alertSiteIdsSql(alertId: string) {
  return sql<{ site_id: string }>`select x.site_id from alert_sites x where x.alert_id = ${alertId}::uuid`
}

export async function alertReachedSite(db: Db, alertId: string, siteId: string): Promise<boolean> {
  const row = await db
    .selectFrom('alert_sites')
    .select('site_id')
    .where('alert_id', '=', alertId)
    .where('site_id', '=', siteId)
    .executeTakeFirst()
  return row !== undefined
}

export function findHeadcount(db: Db, alertId: string, siteId: string, lock = false) {
  let q = db
    .selectFrom('alert_headcounts')
    .selectAll()
    .where('alert_id', '=', alertId)
    .where('site_id', '=', siteId)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export interface HeadcountValues {
  total: number
  safe: number
  injured: number
  missing: number
  reported_by: string
  reported_at: Date
  case_id: string | null
}

/** A later report for the same site replaces the earlier one. */
export async function upsertHeadcount(
  db: Db,
  alertId: string,
  siteId: string,
  v: HeadcountValues,
): Promise<void> {
  await db
    .insertInto('alert_headcounts')
    .values({ alert_id: alertId, site_id: siteId, ...v })
    .onConflict((oc) => oc.columns(['alert_id', 'site_id']).doUpdateSet(v))
    .execute()
}

export async function siteTotals(db: Db, alertId: string) {
  const { rows } = await sql<{
    reached: number
    reported: number
    safe: number
    injured: number
    missing: number
  }>`
    select (select count(*) from alert_sites s where s.alert_id = ${alertId}::uuid)::int as reached,
           count(h.site_id)::int as reported,
           coalesce(sum(h.safe), 0)::int as safe,
           coalesce(sum(h.injured), 0)::int as injured,
           coalesce(sum(h.missing), 0)::int as missing
      from alert_headcounts h where h.alert_id = ${alertId}::uuid`.execute(db)
  return rows[0] ?? { reached: 0, reported: 0, safe: 0, injured: 0, missing: 0 }
}

/** Every site the alert reached with its headcount, if reported. */
export function siteRows(db: Db, alertId: string) {
  return db
    .selectFrom('alert_sites as s')
    .leftJoin('alert_headcounts as h', (j) =>
      j.onRef('h.alert_id', '=', 's.alert_id').onRef('h.site_id', '=', 's.site_id'),
    )
    .select([
      's.site_id',
      's.enterprise_id',
      'h.total',
      'h.safe',
      'h.injured',
      'h.missing',
      'h.reported_at',
      'h.case_id',
    ])
    .where('s.alert_id', '=', alertId)
    .orderBy('s.site_id')
    .execute()
}

/** The sent alerts that reached sites of the person's enterprises, newest first, with each site's report. */
export async function memberAlertSiteRows(db: Db, userId: string) {
  const { rows } = await sql<{
    alert_id: string
    site_id: string
    total: number | null
    safe: number | null
    injured: number | null
    missing: number | null
    reported_at: Date | null
    case_id: string | null
  }>`select s.alert_id, s.site_id, h.total, h.safe, h.injured, h.missing, h.reported_at, h.case_id
       from alert_sites s
       join alerts a on a.id = s.alert_id
       left join alert_headcounts h on h.alert_id = s.alert_id and h.site_id = s.site_id
      where s.site_id in (select m.site_id from (${memberSiteIdsSql(userId)}) m)
        and a.status in ('sent', 'cancelled')
      order by a.sent_at desc nulls last, s.alert_id, s.site_id
      limit 500`.execute(db)
  return rows
}
