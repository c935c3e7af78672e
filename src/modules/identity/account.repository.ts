// What other modules may read and do of an account, through index.ts (user.repository.ts is identity's own).
import { type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import type { UserRow } from './identity.table.ts'

/** An account as other modules see it: never its password hash, TOTP secret or sign-in counters. */
export type AccountColumns = Pick<
  UserRow,
  | 'id'
  | 'name'
  | 'email'
  | 'phone'
  | 'phone_verified_at'
  | 'locale'
  | 'disabled_at'
  | 'created_at'
  | 'updated_at'
>

/**
 * Accounts for other modules to join where a table goes: `join ${accountsSql()} u on u.id = …` in
 * SQL, `accountsSql().as('u')` in Kysely. A plain projection of the table, which PostgreSQL
 * flattens into the caller's statement: a fan-out or a search keeps the plan it had on `users`.
 */
export function accountsSql(): RawBuilder<AccountColumns> {
  return sql<AccountColumns>`(select id, name, email, phone, phone_verified_at, locale, disabled_at, created_at, updated_at from users)`
}

/** Locks the account's row until the transaction ends, so that a per-person limit holds under concurrent writes. */
export async function lockAccount(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute()
}

export async function setAccountLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute()
}

/** The account as its owner takes it away with their data. */
export function exportAccount(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'phone', 'name', 'locale', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
}

/** Deletes the account; what every module keeps about the person goes with it (foreign keys cascade). */
export async function deleteAccount(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('users').where('id', '=', userId).execute()
}

/** Whether the account has proved an e-mail address or a phone number (appointments ask for one). */
export async function hasVerifiedContact(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('email_verified_at', 'is not', null), eb('phone_verified_at', 'is not', null)]))
    .executeTakeFirst()
  return row !== undefined
}
