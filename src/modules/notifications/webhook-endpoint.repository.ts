import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import { accountsSql } from '../identity/index.ts'
import type { WebhookEndpointRow } from './notifications.table.ts'

export async function insertEndpoint(
  db: Kysely<Database>,
  e: { id: string; userId: string; url: string; secretSealed: string; description: string | null },
): Promise<WebhookEndpointRow> {
  return db
    .insertInto('webhook_endpoints')
    .values({
      id: e.id,
      user_id: e.userId,
      url: e.url,
      secret_sealed: e.secretSealed,
      description: e.description,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function countEndpointsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function listEndpointsOf(db: Kysely<Database>, userId: string): Promise<WebhookEndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export async function findEndpointOf(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function deleteEndpointOf(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('webhook_endpoints')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
  return r.numDeletedRows > 0n
}

/**
 * Endpoints that took a message: healthy again (and active again, after a successful test). An
 * endpoint that was fine a minute ago is left alone: during a fan-out, one write a minute is enough.
 */
export async function markEndpointsSucceeded(
  db: Kysely<Database>,
  ids: readonly string[],
  reactivate = false,
): Promise<void> {
  if (ids.length === 0) return
  let q = db
    .updateTable('webhook_endpoints')
    .set({ last_success_at: sql`now()`, failure_count: 0, ...(reactivate ? { active: true } : {}) })
    .where('id', 'in', [...ids])
  if (!reactivate) {
    q = q.where((eb) =>
      eb.or([
        eb('failure_count', '>', 0),
        eb('last_success_at', 'is', null),
        eb('last_success_at', '<', sql<Date>`now() - interval '1 minute'`),
      ]),
    )
  }
  await q.execute()
}

export async function markEndpointsFailed(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('webhook_endpoints')
    .set({ last_failure_at: sql`now()`, failure_count: sql`failure_count + 1` })
    .where('id', 'in', [...ids])
    .execute()
}

/** The receiver answered 410 Gone: nothing more is sent there until a successful test. */
export async function disableEndpoints(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('webhook_endpoints')
    .set({ active: false, last_failure_at: sql`now()`, failure_count: sql`failure_count + 1` })
    .where('id', 'in', [...ids])
    .execute()
}

export async function localeOf(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom(accountsSql().as('u'))
    .select('u.locale')
    .where('u.id', '=', userId)
    .executeTakeFirst()
  return r?.locale
}
