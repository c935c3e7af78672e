import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type { HealthSignerKeysTable } from './health.table.ts'

export function activeSignerKey(db: Db, kind: 'csca' | 'dsc') {
  return db
    .selectFrom('health_signer_keys')
    .selectAll()
    .where('kind', '=', kind)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function insertSignerKey(db: Db, row: Insertable<HealthSignerKeysTable>): Promise<void> {
  await db.insertInto('health_signer_keys').values(row).execute()
}

export async function retireSignerKey(db: Db, kind: 'csca' | 'dsc'): Promise<void> {
  await db
    .updateTable('health_signer_keys')
    .set({ active: false })
    .where('kind', '=', kind)
    .where('active', '=', true)
    .execute()
}

export function listSignerKeys(db: Db) {
  return db
    .selectFrom('health_signer_keys')
    .select(['id', 'kind', 'kid', 'certificate', 'not_before', 'not_after', 'active'])
    .orderBy('created_at')
    .execute()
}
