import { type Insertable, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { HealthStockMovementsTable } from './health.table.ts'

export interface LotBalance {
  product: string
  lot: string
  expires_on: string | Date | null
  received: number
  used: number
  wasted: number
  transferred_in: number
  transferred_out: number
}

export async function insertMovement(db: Db, m: Insertable<HealthStockMovementsTable>): Promise<void> {
  await db.insertInto('health_stock_movements').values(m).execute()
}

/** Serialises stock writes of one lot at one site until the transaction ends (no double spend). */
export async function lockLot(db: Db, siteId: string, product: string, lot: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${siteId}|${product}|${lot}`}, 0))`.execute(db)
}

/**
 * Each lot of a site: received, transferred in and out, wasted (movements) and used (the doses
 * recorded at the site with that lot). A lot recorded in doses but never received shows too.
 */
export async function lotBalances(db: Db, siteId: string, lot?: { product: string; lot: string }) {
  const lotFilter = (alias: string) =>
    lot
      ? sql`and ${sql.ref(`${alias}.product`)} = ${lot.product} and ${sql.ref(`${alias}.lot`)} = ${lot.lot}`
      : sql``
  const r = await sql<LotBalance>`
    with m as (
      select m.product, m.lot,
             max(m.expires_on) as expires_on,
             coalesce(sum(m.doses) filter (where m.kind = 'received'), 0)::int as received,
             coalesce(sum(m.doses) filter (where m.kind = 'wasted'), 0)::int as wasted,
             coalesce(sum(m.doses) filter (where m.kind = 'transfer_in'), 0)::int as transferred_in,
             coalesce(sum(m.doses) filter (where m.kind = 'transfer_out'), 0)::int as transferred_out
        from health_stock_movements m
       where m.site_id = ${siteId}::uuid ${lotFilter('m')}
       group by m.product, m.lot
    ), u as (
      select d.product, d.lot, count(*)::int as used
        from health_doses d
       where d.site_id = ${siteId}::uuid and d.kind = 'v' ${lotFilter('d')}
       group by d.product, d.lot
    )
    select product, lot, m.expires_on,
           coalesce(m.received, 0) as received, coalesce(u.used, 0) as used,
           coalesce(m.wasted, 0) as wasted, coalesce(m.transferred_in, 0) as transferred_in,
           coalesce(m.transferred_out, 0) as transferred_out
      from m full join u using (product, lot)
     order by m.expires_on nulls last, product, lot`.execute(db)
  return r.rows
}

/** The expiry a lot was received with at a site (a transfer carries it on). */
export async function lotExpiry(db: Db, siteId: string, product: string, lot: string) {
  const row = await db
    .selectFrom('health_stock_movements')
    .select('expires_on')
    .where('site_id', '=', siteId)
    .where('product', '=', product)
    .where('lot', '=', lot)
    .where('expires_on', 'is not', null)
    .orderBy('recorded_at')
    .executeTakeFirst()
  return row?.expires_on ?? null
}
