import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { CodePurpose, VerificationCodesTable } from './identity.table.ts'

/** Seconds since the last code of this purpose was asked for this number (null: never, or long ago). */
export async function secondsSinceLastCode(
  db: Db,
  purpose: CodePurpose,
  target: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('verification_codes')
    .select(sql<number>`extract(epoch from now() - max(created_at))::float8`.as('age'))
    .where('purpose', '=', purpose)
    .where('target', '=', target)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst()
  return row?.age ?? null
}

export async function insertCode(
  db: Db,
  row: Pick<VerificationCodesTable, 'id' | 'purpose' | 'target' | 'user_id' | 'code_hash' | 'expires_at'>,
): Promise<void> {
  await db.insertInto('verification_codes').values(row).execute()
}

export interface LiveCode {
  id: string
  target: string
  user_id: string | null
  code_hash: string
}

/**
 * Counts one try on the newest live code of this purpose for the number (or the account), and
 * returns it; undefined when there is none: expired, used, replaced by a newer one, or out of tries.
 */
export async function claimCodeAttempt(
  db: Db,
  purpose: CodePurpose,
  by: { target: string } | { userId: string },
  maxAttempts: number,
): Promise<LiveCode | undefined> {
  const newest = db
    .selectFrom('verification_codes')
    .select('id')
    .where('purpose', '=', purpose)
    .where((eb) => ('target' in by ? eb('target', '=', by.target) : eb('user_id', '=', by.userId)))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
  return db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', newest)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('attempts', '<', maxAttempts)
    .returning(['id', 'target', 'user_id', 'code_hash'])
    .executeTakeFirst()
}

/** Marks the code used; false when a racing request used it first. */
export async function spendCode(db: Db, id: string): Promise<boolean> {
  const row = await db
    .updateTable('verification_codes')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Codes past their expiry for a day: nothing left to check or to count a cooldown from. */
export async function purgeCodes(db: Db): Promise<number> {
  const r = await db
    .deleteFrom('verification_codes')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
