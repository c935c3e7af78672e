import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob, type JobDefinition } from '../../platform/queue/job.ts'
import {
  type ClaimedDelivery,
  claimQueued,
  messagesWithQueued,
  nextDueAt,
  type RecordedOutcome,
  recordOutcomes,
} from './delivery.repository.ts'
import type { Channel } from './notifications.table.ts'
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.ts'
import type { TokenBucket } from './token-bucket.ts'

/** What a channel made of one delivery. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly note?: string | null; readonly providerRef?: string | null }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly notBefore?: Date }

/** One channel's sending, as the runner drives it. */
export interface ChannelDriver {
  readonly channel: Channel
  /** Loops that each claim a batch, send all of it at once and record it: lanes × batch sends in flight. */
  readonly lanes: number
  readonly batch: number
  readonly bucket: TokenBucket | null
  /** Sends a claimed batch; one outcome per delivery, by id. */
  deliver(batch: readonly ClaimedDelivery[]): Promise<Map<string, SendOutcome>>
  close?(): Promise<void> | void
}

/** A job runs this long at most, then hands on to a fresh job: a dead worker's job is retried soon. */
const SLICE_MS = 30_000
/** pg-boss retries a job whose worker died after this long; above SLICE_MS plus the last batch. */
export const CHANNEL_JOB_EXPIRE_SECONDS = 90

function toRecorded(d: ClaimedDelivery, o: SendOutcome | undefined): RecordedOutcome {
  const base = { id: d.id, attempts: d.attempts }
  if (!o) return { ...base, state: 'failed', note: 'no outcome recorded for this delivery' }
  if (o.kind === 'sent')
    return { ...base, state: 'sent', note: o.note ?? null, providerRef: o.providerRef ?? null }
  if (o.kind === 'retry' && d.attempts < MAX_ATTEMPTS) {
    return { ...base, state: 'queued', note: o.reason, retryAt: nextAttemptAt(d.attempts, o.notBefore) }
  }
  return { ...base, state: 'failed', note: o.reason }
}

/**
 * Sends the message's due deliveries on one channel until none is left or the deadline passes;
 * true when work was left for a next job. Deliveries are claimed under a lease (so workers share a
 * message without sending one twice) and recorded a batch at a time; a worker dying between
 * sending and recording means those deliveries are sent again with the same id after the lease.
 */
export async function drainChannel(
  ctx: AppContext,
  driver: ChannelDriver,
  messageId: string,
  deadline: number,
): Promise<boolean> {
  let unfinished = false
  const lane = async () => {
    for (;;) {
      if (Date.now() >= deadline) {
        unfinished = true
        return
      }
      await driver.bucket?.take(driver.batch)
      const batch = await claimQueued(ctx.db, messageId, driver.channel, driver.batch)
      driver.bucket?.refund(driver.batch - batch.length)
      if (batch.length === 0) return
      const outcomes = await driver.deliver(batch)
      await recordOutcomes(
        ctx.db,
        batch.map((d) => toRecorded(d, outcomes.get(d.id))),
      )
    }
  }
  const results = await Promise.allSettled(Array.from({ length: driver.lanes }, lane))
  const failure = results.find((r) => r.status === 'rejected')
  if (failure) throw failure.reason
  return unfinished
}

/** What every channel job is given: the message whose queued deliveries it sends. */
export const channelJobPayload = z.object({ messageId: z.uuid() })

export interface ChannelJobType<S extends z.ZodType<{ messageId: string }>> {
  readonly name: string
  readonly payload: S
}

/**
 * The job sending one message on one channel. Several may run for the same message (notify
 * queues more than one for a large fan-out, so worker processes share it). Each ends by queuing
 * the next step: at once if its slice ran out, else at the next retry or lease expiry, if any.
 */
export function channelJob<S extends z.ZodType<{ messageId: string }>>(
  ctx: AppContext,
  type: ChannelJobType<S>,
  driver: ChannelDriver,
): JobDefinition<S> {
  return defineJob({
    ...type,
    retryLimit: 3,
    expireInSeconds: CHANNEL_JOB_EXPIRE_SECONDS,
    async handle(data) {
      const { messageId } = data
      const unfinished = await drainChannel(ctx, driver, messageId, Date.now() + SLICE_MS)
      if (unfinished) {
        await ctx.queue.send(type, data)
        return
      }
      const next = await nextDueAt(ctx.db, messageId, driver.channel)
      if (next) await ctx.queue.send(type, data, { startAfter: next })
    },
    stop: () => driver.close?.(),
    // A process that died mid-send left deliveries queued (or leased to it) and its job active
    // until pg-boss expires it: a starting worker picks the messages up at once instead.
    async resume() {
      for (const messageId of await messagesWithQueued(ctx.db, driver.channel))
        await ctx.queue.send(type, { messageId } as z.infer<S>)
    },
  })
}
