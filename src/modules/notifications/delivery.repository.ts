import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { Channel } from './notifications.table.ts'

/** A claimed delivery not recorded within this time (a crash) is tried again, with the same id. */
const LEASE_SECONDS = 300

export interface ClaimedDelivery {
  id: string
  user_id: string
  attempts: number
  email: string | null
  locale: string
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  link: string | null
  emergency: boolean
}

/** Takes up to `limit` due deliveries of one message and channel, leasing them to this worker. */
export async function claimQueued(
  db: Kysely<Database>,
  messageId: string,
  channel: Channel,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const r = await sql<ClaimedDelivery>`
    with picked as (
      select d.id from deliveries d
       where d.message_id = ${messageId}::uuid and d.channel = ${channel} and d.state = 'queued'
         and d.next_attempt_at <= now()
       order by d.id limit ${limit} for update skip locked)
    update deliveries d set attempts = d.attempts + 1,
           next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
      from picked, users u, messages m
     where d.id = picked.id and u.id = d.user_id and m.id = d.message_id
    returning d.id, d.user_id, d.attempts, u.email, u.locale, m.title_zh, m.title_en, m.body_zh, m.body_en,
              m.link, m.emergency`.execute(db)
  return r.rows
}

export async function markSent(db: Kysely<Database>, id: string, note: string | null = null): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ state: 'sent', sent_at: sql`now()`, last_error: note })
    .where('id', '=', id)
    .execute()
}

export async function markFailed(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ state: 'failed', last_error: reason.slice(0, 500) })
    .where('id', '=', id)
    .execute()
}

export async function markRetry(db: Kysely<Database>, id: string, reason: string, at: Date): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ state: 'queued', last_error: reason.slice(0, 500), next_attempt_at: at })
    .where('id', '=', id)
    .execute()
}
