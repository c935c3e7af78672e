import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type { HealthTrustEntriesTable } from './health.table.ts'

/** Adds a certificate to the trust list; false when it was held already (same thumbprint). */
export async function upsertTrustEntry(db: Db, row: Insertable<HealthTrustEntriesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('health_trust_entries')
    .values(row)
    .onConflict((oc) => oc.column('thumbprint').doNothing())
    .returning('thumbprint')
    .executeTakeFirst()
  return inserted !== undefined
}

export function listTrustEntries(db: Db) {
  return db.selectFrom('health_trust_entries').selectAll().orderBy('added_at').orderBy('thumbprint').execute()
}
