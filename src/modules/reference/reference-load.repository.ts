import { sql } from 'kysely'
import type { Db } from '../../database.ts'

/** The version of a reference dataset (countries, missions) last loaded, if any. */
export async function loadedVersion(db: Db, dataset: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('reference_loads')
    .select('version')
    .where('dataset', '=', dataset)
    .executeTakeFirst()
  return row?.version
}

export async function markLoaded(db: Db, dataset: string, version: string): Promise<void> {
  await db
    .insertInto('reference_loads')
    .values({ dataset, version })
    .onConflict((oc) => oc.column('dataset').doUpdateSet({ version, loaded_at: sql`now()` }))
    .execute()
}
