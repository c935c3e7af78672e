import { sql } from 'kysely'
import type { Db } from '../../database.ts'

/** A key's failures since it was last quiet for `quietSeconds`, and how long ago the last one was. */
export interface FailureCount {
  readonly key: string
  readonly failures: number
  readonly ageSeconds: number
}

const quietSince = (quietSeconds: number) => sql<Date>`now() - make_interval(secs => ${quietSeconds})`

export async function recentFailures(
  db: Db,
  keys: readonly string[],
  quietSeconds: number,
): Promise<FailureCount[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select([
      'key',
      'failures',
      sql<number>`extract(epoch from now() - last_failure_at)::float8`.as('age_seconds'),
    ])
    .where('key', 'in', [...keys])
    .where('last_failure_at', '>', quietSince(quietSeconds))
    .execute()
  return rows.map((r) => ({ key: r.key, failures: r.failures, ageSeconds: r.age_seconds }))
}

/** Counts one failure on every key at once (a key quiet for long enough starts again at 1). */
export async function countFailure(
  db: Db,
  keys: readonly string[],
  quietSeconds: number,
): Promise<FailureCount[]> {
  const rows = await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, failures: 1, last_failure_at: sql<Date>`now()` })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_failures.last_failure_at <= ${quietSince(quietSeconds)}
          then 1 else login_failures.failures + 1 end`,
        last_failure_at: sql<Date>`now()`,
      }),
    )
    .returning(['key', 'failures'])
    .execute()
  return rows.map((r) => ({ key: r.key, failures: r.failures, ageSeconds: 0 }))
}

export async function forgetFailures(db: Db, keys: readonly string[]): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('key', 'in', [...keys])
    .execute()
}

/** Records a challenge as used; false when it already was (a replayed solution). */
export async function spendChallenge(db: Db, nonce: string, expiresAt: Date): Promise<boolean> {
  const row = await db
    .insertInto('login_challenges_spent')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst()
  return row !== undefined
}

/** Failures quiet for long enough and challenges past their expiry: nothing left to remember. */
export async function purgeSignInState(
  db: Db,
  quietSeconds: number,
): Promise<{ failures: number; challenges: number }> {
  const failures = await db
    .deleteFrom('login_failures')
    .where('last_failure_at', '<=', quietSince(quietSeconds))
    .executeTakeFirst()
  const challenges = await db
    .deleteFrom('login_challenges_spent')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst()
  return { failures: Number(failures.numDeletedRows), challenges: Number(challenges.numDeletedRows) }
}
