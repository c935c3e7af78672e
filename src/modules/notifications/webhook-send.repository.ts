import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { ReceiverOutcome, WebhookEndpointRow } from './notifications.table.ts'

/** An endpoint still owed a delivery, with the delivery it is owed. */
export type OwedEndpoint = Pick<WebhookEndpointRow, 'id' | 'url' | 'secret_sealed'> & { delivery_id: string }

/** For each delivery, its recipient's active endpoints that have not yet answered for it. */
export async function listOwedEndpoints(
  db: Kysely<Database>,
  deliveries: readonly { id: string; user_id: string }[],
): Promise<OwedEndpoint[]> {
  if (deliveries.length === 0) return []
  const r = await sql<OwedEndpoint>`
    select d.id as delivery_id, w.id, w.url, w.secret_sealed
      from unnest(${deliveries.map((d) => d.id)}::uuid[], ${deliveries.map((d) => d.user_id)}::uuid[])
           as d(id, user_id)
      join webhook_endpoints w on w.user_id = d.user_id and w.active
     where not exists (select 1 from webhook_sends s where s.delivery_id = d.id and s.endpoint_id = w.id)
     order by d.id, w.id`.execute(db)
  return r.rows
}

export interface WebhookSend {
  deliveryId: string
  endpointId: string
  outcome: ReceiverOutcome
  status: number
}

export async function recordSends(db: Kysely<Database>, sends: readonly WebhookSend[]): Promise<void> {
  if (sends.length === 0) return
  await db
    .insertInto('webhook_sends')
    .values(
      sends.map((s) => ({
        delivery_id: s.deliveryId,
        endpoint_id: s.endpointId,
        outcome: s.outcome,
        status_code: s.status,
      })),
    )
    .onConflict((oc) => oc.columns(['delivery_id', 'endpoint_id']).doNothing())
    .execute()
}

/** The deliveries among these that some endpoint took earlier (a retry's first attempts). */
export async function deliveriesSentBefore(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('webhook_sends')
    .select('delivery_id')
    .distinct()
    .where('delivery_id', 'in', [...ids])
    .where('outcome', '=', 'sent')
    .execute()
  return new Set(rows.map((r) => r.delivery_id))
}
