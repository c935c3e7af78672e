import { type RawBuilder, sql } from 'kysely'
import { accountsSql } from '../identity/index.ts'

/**
 * The number to reach a person on, as an SQL expression to compose into a caller's statement
 * (`userId` names a uuid column, e.g. `sql.ref('d.user_id')`): the phone given in the profile,
 * else the one the account signs in with. Both are E.164; null when the person gave neither.
 */
export function contactPhoneSql(userId: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (select p.phone from profiles p where p.user_id = ${userId}),
    (select u.phone from ${accountsSql()} u where u.id = ${userId}))`
}
