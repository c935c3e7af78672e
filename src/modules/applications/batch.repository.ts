import { type Insertable, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { ApplicationRow, ProductionBatchesTable, ProductionBatchRow } from './applications.table.ts'

/** At most this many applications go in one batch; the rest wait for the next. */
export const BATCH_LIMIT = 500

/** The mission's approved and paid applications whose files are still kept, oldest first, locked. */
export async function lockProducible(db: Db, mission: string): Promise<ApplicationRow[]> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('mission_code', '=', mission)
    .where('status', '=', 'approved')
    .where('payment_receipt', 'is not', null)
    .where('files_purged_at', 'is', null)
    .orderBy('submitted_at')
    .orderBy('id')
    .limit(BATCH_LIMIT)
    .forUpdate()
    .execute()
}

export async function insertBatch(db: Db, row: Insertable<ProductionBatchesTable>): Promise<void> {
  await db.insertInto('production_batches').values(row).execute()
}

export async function findBatch(
  db: Db,
  missions: readonly string[] | null,
  id: string,
): Promise<ProductionBatchRow | undefined> {
  let q = db.selectFrom('production_batches').selectAll().where('id', '=', id)
  if (missions)
    q = missions.length ? q.where('mission_code', 'in', [...missions]) : q.where(sql<boolean>`false`)
  return q.executeTakeFirst()
}

export async function listBatches(
  db: Db,
  missions: readonly string[] | null,
  mission: string | undefined,
): Promise<ProductionBatchRow[]> {
  let q = db.selectFrom('production_batches').selectAll()
  if (missions)
    q = missions.length ? q.where('mission_code', 'in', [...missions]) : q.where(sql<boolean>`false`)
  if (mission) q = q.where('mission_code', '=', mission)
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute()
}

/** The references in each batch given, in the order they were produced. */
export async function referencesOfBatches(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  if (!ids.length) return out
  const rows = await db
    .selectFrom('applications')
    .select(['batch_id', 'reference'])
    .where('batch_id', 'in', [...ids])
    .orderBy('submitted_at')
    .orderBy('id')
    .execute()
  for (const r of rows) if (r.batch_id) out.set(r.batch_id, [...(out.get(r.batch_id) ?? []), r.reference])
  return out
}

/** Batches older than the cut whose archive is still kept. */
export async function batchesToPurge(db: Db, before: Date): Promise<ProductionBatchRow[]> {
  return db
    .selectFrom('production_batches')
    .selectAll()
    .where('purged_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(200)
    .execute()
}

export async function markBatchPurged(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('production_batches').set({ purged_at: at }).where('id', '=', id).execute()
}
