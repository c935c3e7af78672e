import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { PushSubscriptionRow } from './notifications.table.ts'

export type { PushSubscriptionRow }

export interface NewPushSubscription {
  id: string
  userId: string
  endpoint: string
  p256dh: string
  auth: string
  label: string | null
  userAgent: string | null
}

/**
 * Inserts, or takes over the row with the same endpoint: a browser has one subscription per
 * site, so whoever last signed in there and turned push on is the one it now notifies.
 */
export async function upsertSubscription(
  db: Kysely<Database>,
  s: NewPushSubscription,
): Promise<{ row: PushSubscriptionRow; previousOwner: string | null }> {
  const r = await sql<PushSubscriptionRow & { previous_owner: string | null }>`
    with prev as (select user_id from push_subscriptions where endpoint = ${s.endpoint})
    insert into push_subscriptions as ps (id, user_id, endpoint, p256dh, auth, label, user_agent)
    values (${s.id}::uuid, ${s.userId}::uuid, ${s.endpoint}, ${s.p256dh}, ${s.auth}, ${s.label}, ${s.userAgent})
    on conflict (endpoint) do update set
      user_id = excluded.user_id,
      p256dh = excluded.p256dh,
      auth = excluded.auth,
      label = case when ps.user_id = excluded.user_id then coalesce(excluded.label, ps.label)
                   else excluded.label end,
      user_agent = excluded.user_agent,
      updated_at = now(),
      failure_count = 0
    returning ps.*, (select user_id from prev) as previous_owner`.execute(db)
  const row = r.rows[0]
  if (!row) throw new Error('upsert returned no row')
  const { previous_owner, ...rest } = row
  return { row: rest, previousOwner: previous_owner }
}

export async function countOtherSubscriptions(
  db: Kysely<Database>,
  userId: string,
  exceptEndpoint: string,
): Promise<number> {
  const r = await db
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('endpoint', '<>', exceptEndpoint)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function listSubscriptionsOf(
  db: Kysely<Database>,
  userId: string,
): Promise<PushSubscriptionRow[]> {
  return db.selectFrom('push_subscriptions').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

/** Deletes one of the person's subscriptions by id or endpoint; false when they have no such one. */
export async function deleteSubscriptionOf(
  db: Kysely<Database>,
  userId: string,
  by: { id: string } | { endpoint: string },
): Promise<boolean> {
  let q = db.deleteFrom('push_subscriptions').where('user_id', '=', userId)
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('endpoint', '=', by.endpoint)
  const res = await q.executeTakeFirst()
  return res.numDeletedRows > 0n
}
