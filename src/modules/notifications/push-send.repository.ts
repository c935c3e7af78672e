import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { PushSubscriptionRow, ReceiverOutcome } from './notifications.table.ts'

export type OwedSubscription = Pick<PushSubscriptionRow, 'id' | 'endpoint' | 'p256dh' | 'auth'>

/** The person's subscriptions that have not yet answered for this delivery. */
export async function listOwedSubscriptions(
  db: Kysely<Database>,
  userId: string,
  deliveryId: string,
): Promise<OwedSubscription[]> {
  return db
    .selectFrom('push_subscriptions as s')
    .select(['s.id', 's.endpoint', 's.p256dh', 's.auth'])
    .where('s.user_id', '=', userId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('push_sends as x')
            .select('x.subscription_id')
            .where('x.delivery_id', '=', deliveryId)
            .whereRef('x.subscription_id', '=', 's.id'),
        ),
      ),
    )
    .orderBy('s.id')
    .execute()
}

export async function recordSend(
  db: Kysely<Database>,
  deliveryId: string,
  subscriptionId: string,
  outcome: ReceiverOutcome,
  statusCode: number,
): Promise<void> {
  await db
    .insertInto('push_sends')
    .values({ delivery_id: deliveryId, subscription_id: subscriptionId, outcome, status_code: statusCode })
    .onConflict((oc) => oc.columns(['delivery_id', 'subscription_id']).doNothing())
    .execute()
}

export async function countSent(db: Kysely<Database>, deliveryId: string): Promise<number> {
  const r = await db
    .selectFrom('push_sends')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('delivery_id', '=', deliveryId)
    .where('outcome', '=', 'sent')
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function markSubscriptionSucceeded(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('push_subscriptions')
    .set({ last_success_at: sql`now()`, failure_count: 0 })
    .where('id', '=', id)
    .execute()
}

export async function markSubscriptionFailed(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('push_subscriptions')
    .set({ last_failure_at: sql`now()`, failure_count: sql`failure_count + 1` })
    .where('id', '=', id)
    .execute()
}

/** The push service said the subscription is gone (404/410): it will never work again. */
export async function deleteExpiredSubscription(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute()
}
