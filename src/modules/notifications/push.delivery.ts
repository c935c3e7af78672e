import type { AppContext } from '../../context.ts'
import { type ClaimedDelivery, markFailed, markRetry, markSent } from './delivery.repository.ts'
import type { PushOutcome, PushSender } from './push.sender.ts'
import {
  countSent,
  deleteExpiredSubscription,
  listOwedSubscriptions,
  markSubscriptionFailed,
  markSubscriptionSucceeded,
  recordSend,
} from './push-send.repository.ts'
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.ts'

/** How long a push service keeps a message for a device that is offline. */
export const PUSH_TTL_SECONDS = 86_400
/** Push services take about 4 KB of encrypted record; 103 bytes of that are header, tag and padding. */
const MAX_PAYLOAD_BYTES = 3_800

export interface PushPayload {
  deliveryId: string
  title: string
  body: string
  link: string | null
  emergency: boolean
}

/** The notification in the person's language; a long body is shortened to fit one push message. */
export function pushPayload(d: ClaimedDelivery): string {
  const en = d.locale === 'en'
  const payload: PushPayload = {
    deliveryId: d.id,
    title: en ? d.title_en : d.title_zh,
    body: en ? d.body_en : d.body_zh,
    link: d.link,
    emergency: d.emergency,
  }
  let json = JSON.stringify(payload)
  const chars = Array.from(payload.body)
  let keep = chars.length
  while (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES && keep > 0) {
    keep = Math.floor(keep * 0.9)
    json = JSON.stringify({ ...payload, body: `${chars.slice(0, keep).join('')}…` })
  }
  return json
}

/**
 * Sends one delivery to each of the person's browsers still owed it. A device that took it is
 * not sent it again on a retry; an expired subscription is removed; transient trouble (429,
 * 5xx, network) is retried with back-off. The delivery is `sent` once at least one device has
 * it and none is left to retry; `failed` when none took it. Returns when to retry, if at all.
 */
export async function deliverPush(
  ctx: AppContext,
  send: PushSender,
  d: ClaimedDelivery,
): Promise<Date | null> {
  const owed = await listOwedSubscriptions(ctx.db, d.user_id, d.id)
  const payload = pushPayload(d)
  const options = {
    deliveryId: d.id,
    urgency: d.emergency ? 'high' : 'normal',
    ttlSeconds: PUSH_TTL_SECONDS,
  } as const
  // No transaction is open here: the HTTP calls run first, their outcomes are written after.
  const outcomes = await Promise.all(owed.map(async (s) => ({ s, o: await send(s, payload, options) })))
  const problems: string[] = []
  let notBefore: Date | undefined
  let retry = false
  for (const { s, o } of outcomes) {
    await record(ctx, d.id, s.id, o)
    if (o.kind === 'sent') continue
    problems.push(o.reason)
    if (o.kind === 'retry') {
      retry = true
      if (o.notBefore && (!notBefore || o.notBefore > notBefore)) notBefore = o.notBefore
    }
  }
  const reason = problems.join('; ')
  if (retry && d.attempts < MAX_ATTEMPTS) {
    const at = nextAttemptAt(d.attempts, notBefore)
    await markRetry(ctx.db, d.id, reason, at)
    return at
  }
  if ((await countSent(ctx.db, d.id)) > 0) await markSent(ctx.db, d.id, reason || null)
  else await markFailed(ctx.db, d.id, reason || 'no push subscription left')
  return null
}

async function record(ctx: AppContext, deliveryId: string, subscriptionId: string, o: PushOutcome) {
  switch (o.kind) {
    case 'sent':
      await recordSend(ctx.db, deliveryId, subscriptionId, 'sent', o.status)
      return markSubscriptionSucceeded(ctx.db, subscriptionId)
    case 'gone':
      return deleteExpiredSubscription(ctx.db, subscriptionId)
    case 'rejected':
      await recordSend(ctx.db, deliveryId, subscriptionId, 'rejected', o.status)
      return markSubscriptionFailed(ctx.db, subscriptionId)
    case 'retry':
      return markSubscriptionFailed(ctx.db, subscriptionId)
  }
}
