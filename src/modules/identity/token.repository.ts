import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { AccountTokensTable, TokenPurpose } from './identity.table.ts'

export async function insertToken(
  db: Db,
  row: Pick<AccountTokensTable, 'token_hash' | 'purpose' | 'user_id' | 'email' | 'expires_at'>,
): Promise<void> {
  await db.insertInto('account_tokens').values(row).execute()
}

/** Seconds since the account was last sent a link of this purpose (null: not in the last hour). */
export async function secondsSinceLastToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
): Promise<number | null> {
  const row = await db
    .selectFrom('account_tokens')
    .select(sql<number>`extract(epoch from now() - max(created_at))::float8`.as('age'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst()
  return row?.age ?? null
}

/** The live (unused, unexpired) token with this hash, without using it. */
export function findLiveToken(db: Db, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('account_tokens')
    .select(['token_hash', 'user_id', 'email'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

/** Uses the token once: its account and address, or undefined when it is unknown, used or expired. */
export function consumeToken(db: Db, tokenHash: string, purpose: TokenPurpose) {
  return db
    .updateTable('account_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id', 'email'])
    .executeTakeFirst()
}

/** Every other link of this purpose the account still holds stops working. */
export async function retireTokens(db: Db, userId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
}

/** Links a day past their expiry: nothing left to check or to count a cooldown from. */
export async function purgeTokens(db: Db): Promise<number> {
  const r = await db
    .deleteFrom('account_tokens')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
