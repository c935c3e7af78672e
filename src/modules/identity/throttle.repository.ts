import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'

/** Adds one failure to the key's current one-minute window and returns the window's count. */
export async function countFailure(db: Db, key: string): Promise<number> {
  const row = await db
    .insertInto('auth_throttle')
    .values({ key, window_start: sql`now()`, failures: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when auth_throttle.window_start < now() - interval '1 minute'
          then 1 else auth_throttle.failures + 1 end`,
        window_start: sql`case when auth_throttle.window_start < now() - interval '1 minute'
          then now() else auth_throttle.window_start end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow()
  return row.failures
}

export async function currentFailures(db: Db, key: string): Promise<number> {
  const row = await db
    .selectFrom('auth_throttle')
    .select('failures')
    .where('key', '=', key)
    .where('window_start', '>=', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirst()
  return row?.failures ?? 0
}
