import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'

export interface DeliveryStats {
  /** People with at least one delivery sent or delivered (the inbox counts). */
  readonly delivered: number
  /** People with at least one failed delivery. */
  readonly failed: number
  readonly byChannel: { channel: string; queued: number; sent: number; delivered: number; failed: number }[]
}

/** How a message's deliveries stand, per person and per channel. */
export async function deliveryStats(db: Kysely<Database>, messageId: string): Promise<DeliveryStats> {
  const people = await sql<{ delivered: number; failed: number }>`
    select count(distinct user_id) filter (where state in ('sent','delivered'))::int as delivered,
           count(distinct user_id) filter (where state = 'failed')::int as failed
      from deliveries where message_id = ${messageId}`.execute(db)
  const channels = await sql<DeliveryStats['byChannel'][number]>`
    select channel,
           count(*) filter (where state = 'queued')::int as queued,
           count(*) filter (where state = 'sent')::int as sent,
           count(*) filter (where state = 'delivered')::int as delivered,
           count(*) filter (where state = 'failed')::int as failed
      from deliveries where message_id = ${messageId} group by channel order by channel`.execute(db)
  return {
    delivered: people.rows[0]?.delivered ?? 0,
    failed: people.rows[0]?.failed ?? 0,
    byChannel: channels.rows,
  }
}
