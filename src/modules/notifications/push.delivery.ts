import type { AppContext } from '../../context.ts'
import type { Signer } from '../../platform/crypto/signer.ts'
import type { SendOutcome } from './channel.runner.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { renderFor } from './message.render.ts'
import type { PushOutcome, PushSender } from './push.sender.ts'
import {
  countSent,
  deleteExpiredSubscription,
  listOwedSubscriptions,
  markSubscriptionFailed,
  markSubscriptionSucceeded,
  recordSend,
} from './push-send.repository.ts'
import { MAX_ATTEMPTS } from './retry.ts'

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
  /** Buttons on the notification; the service worker opens the signed `url` of the one clicked. */
  actions?: { action: string; title: string; url: string }[]
}

/** The notification in the person's language; a long body is shortened to fit one push message. */
export function pushPayload(d: ClaimedDelivery, signer: Signer): string {
  const m = renderFor(d, signer)
  const payload: PushPayload = {
    deliveryId: d.id,
    title: m.title,
    body: m.body,
    link: m.link,
    emergency: d.emergency,
    ...(m.actions.length
      ? { actions: m.actions.map((a) => ({ action: a.key, title: a.label, url: a.url })) }
      : {}),
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
 * it and none is left to retry; `failed` when none took it.
 */
export async function deliverPush(
  ctx: AppContext,
  send: PushSender,
  d: ClaimedDelivery,
): Promise<SendOutcome> {
  const owed = await listOwedSubscriptions(ctx.db, d.user_id, d.id)
  const payload = pushPayload(d, ctx.signer)
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
  if (retry && d.attempts < MAX_ATTEMPTS) return { kind: 'retry', reason, notBefore }
  if ((await countSent(ctx.db, d.id)) > 0) return { kind: 'sent', note: reason || null }
  return { kind: 'failed', reason: reason || 'no push subscription left' }
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
