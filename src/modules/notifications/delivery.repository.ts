import { type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import { type AccountColumns, accountsSql } from '../identity/index.ts'
import { contactPhoneSql } from '../registrations/index.ts'
import type { Channel, DeliveryRow, MessageRow } from './notifications.table.ts'
import { MAX_ATTEMPTS } from './retry.ts'

/**
 * A claimed delivery not recorded within this time (its worker died) is claimed again, with the
 * same id. Longer than one batch can take: every send in it runs at once, under a 15 s timeout.
 */
export const LEASE_SECONDS = 60
/** Claims beyond the attempts' limit are crashes mid-send, over and over: such a delivery is given up. */
const MAX_CLAIMS = MAX_ATTEMPTS + 3

/** A delivery leased to a worker, with its message and what the channel needs of the recipient. */
export type ClaimedDelivery = Pick<DeliveryRow, 'id' | 'message_id' | 'user_id' | 'attempts'> &
  Pick<AccountColumns, 'email' | 'locale'> &
  Pick<
    MessageRow,
    | 'kind'
    | 'about_type'
    | 'about_id'
    | 'title_zh'
    | 'title_en'
    | 'body_zh'
    | 'body_en'
    | 'link'
    | 'emergency'
    | 'actions'
    | 'action_url'
    | 'attachments'
    | 'created_at'
  > & {
    /** Only claimed for SMS. */
    phone: string | null
  }

/** Takes up to `limit` due deliveries of one message and channel, leasing them to this worker. */
export async function claimQueued(
  db: Kysely<Database>,
  messageId: string,
  channel: Channel,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const phone = channel === 'sms' ? contactPhoneSql(sql.ref('d.user_id')) : sql`null`
  const r = await sql<ClaimedDelivery>`
    with picked as (
      select d.id from deliveries d
       where d.message_id = ${messageId}::uuid and d.channel = ${channel} and d.state = 'queued'
         and d.next_attempt_at <= now() and d.attempts < ${MAX_CLAIMS}
       order by d.id limit ${limit} for update skip locked)
    update deliveries d set attempts = d.attempts + 1,
           next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
      from picked, ${accountsSql()} u, messages m
     where d.id = picked.id and u.id = d.user_id and m.id = d.message_id
    returning d.id, d.message_id, d.user_id, d.attempts, u.email, ${phone}::text as phone, u.locale, m.kind,
              m.about_type, m.about_id, m.title_zh, m.title_en, m.body_zh, m.body_en, m.link, m.emergency,
              m.actions, m.action_url, m.attachments, m.created_at`.execute(db)
  return r.rows
}

/** What became of one claimed delivery; `attempts` is the claim's, so a stale worker's answer is ignored. */
export type RecordedOutcome =
  | { id: string; attempts: number; state: 'sent'; note: string | null; providerRef: string | null }
  | { id: string; attempts: number; state: 'failed'; note: string }
  | { id: string; attempts: number; state: 'queued'; note: string; retryAt: Date }

/**
 * Records a batch's outcomes in one statement. Only deliveries still queued under the same claim
 * change: if the lease ran out and another worker took one over, that worker's answer counts.
 */
export async function recordOutcomes(
  db: Kysely<Database>,
  outcomes: readonly RecordedOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return
  const col = <T>(f: (o: RecordedOutcome) => T) => outcomes.map(f)
  await sql`
    update deliveries d set
      state = o.state,
      sent_at = case when o.state = 'sent' then now() else d.sent_at end,
      last_error = o.note,
      next_attempt_at = coalesce(o.retry_at, d.next_attempt_at),
      provider_ref = coalesce(o.provider_ref, d.provider_ref)
    from unnest(${col((o) => o.id)}::uuid[], ${col((o) => o.attempts)}::int[], ${col((o) => o.state)}::text[],
                ${col((o) => o.note?.slice(0, 500) ?? null)}::text[],
                ${col((o) => (o.state === 'queued' ? o.retryAt.toISOString() : null))}::timestamptz[],
                ${col((o) => (o.state === 'sent' ? o.providerRef : null))}::text[])
         as o(id, attempts, state, note, retry_at, provider_ref)
    where d.id = o.id and d.attempts = o.attempts and d.state = 'queued'`.execute(db)
}

/**
 * When this message's channel next has a delivery due (a retry, or a lease running out), after
 * giving up on deliveries that crashed their workers too often. Null when nothing is left.
 */
export async function nextDueAt(
  db: Kysely<Database>,
  messageId: string,
  channel: Channel,
): Promise<Date | null> {
  await sql`
    update deliveries set state = 'failed',
           last_error = coalesce(last_error || '; ', '') || 'given up after repeated interrupted attempts'
     where message_id = ${messageId}::uuid and channel = ${channel} and state = 'queued'
       and attempts >= ${MAX_CLAIMS} and next_attempt_at <= now()`.execute(db)
  const r = await sql<{ at: Date | null }>`
    select min(next_attempt_at) as at from deliveries
     where message_id = ${messageId}::uuid and channel = ${channel} and state = 'queued'`.execute(db)
  const at = r.rows[0]?.at
  return at ? new Date(at) : null
}

/** Messages with deliveries still queued on the channel (what a crashed worker left behind). */
export async function messagesWithQueued(db: Kysely<Database>, channel: Channel): Promise<string[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select('message_id')
    .distinct()
    .where('state', '=', 'queued')
    .where('channel', '=', channel)
    .execute()
  return rows.map((r) => r.message_id)
}
