import type { AppContext } from '../../context.ts'
import type { ChannelDriver, SendOutcome } from './channel.runner.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { absoluteUrl, renderFor } from './message.render.ts'
import { MAX_ATTEMPTS } from './retry.ts'
import { TokenBucket } from './token-bucket.ts'
import { createWebhookSender, type WebhookOutcome } from './webhook.sender.ts'
import {
  disableEndpoints,
  markEndpointsFailed,
  markEndpointsSucceeded,
} from './webhook-endpoint.repository.ts'
import {
  deliveriesSentBefore,
  listOwedEndpoints,
  recordSends,
  type WebhookSend,
} from './webhook-send.repository.ts'

/** The JSON body a receiver gets (docs/api.md), in the recipient's language. */
export interface WebhookPayload {
  deliveryId: string
  messageId: string | null
  kind: string
  about: { type: string; id: string } | null
  title: string
  body: string
  link: string | null
  emergency: boolean
  createdAt: string
  locale: 'zh-CN' | 'en'
  actions?: { key: string; label: string; url: string }[]
}

function webhookPayload(ctx: AppContext, d: ClaimedDelivery): WebhookPayload {
  const m = renderFor(d, ctx.signer)
  const publicUrl = ctx.config.linkBase
  return {
    deliveryId: d.id,
    messageId: d.message_id,
    kind: d.kind,
    about: d.about_type && d.about_id ? { type: d.about_type, id: d.about_id } : null,
    title: m.title,
    body: m.body,
    link: m.link ? absoluteUrl(m.link, publicUrl) : null,
    emergency: d.emergency,
    createdAt: new Date(d.created_at).toISOString(),
    locale: m.locale,
    ...(m.actions.length
      ? {
          actions: m.actions.map((a) => ({ key: a.key, label: a.label, url: absoluteUrl(a.url, publicUrl) })),
        }
      : {}),
  }
}

/** 128 requests in flight; few queries per delivery, since each costs the same for 1 row or 32. */
const LANES = 4
const BATCH = 32

/**
 * Webhook deliveries: one per recipient, sent to each of their active endpoints still owed it.
 * For recipients with several endpoints each answer is kept in `webhook_sends`, so a retry goes
 * only where it is needed; the delivery is `sent` once some endpoint took it and none is left to
 * retry, else `failed`.
 */
export function webhookDriver(ctx: AppContext): ChannelDriver {
  const sender = createWebhookSender(ctx.config.webhooks)
  return {
    channel: 'webhook',
    lanes: LANES,
    batch: BATCH,
    bucket: new TokenBucket(ctx.config.webhooks.ratePerSecond, BATCH),
    async deliver(batch) {
      const owed = await listOwedEndpoints(ctx.db, batch)
      const bodies = new Map(batch.map((d) => [d.id, JSON.stringify(webhookPayload(ctx, d))]))
      const answers = await Promise.all(
        owed.map(async (e) => {
          let secret: string
          try {
            secret = ctx.secrets.open(e.secret_sealed)
          } catch {
            return {
              e,
              o: { kind: 'rejected', status: 0, reason: 'endpoint secret unreadable' } as WebhookOutcome,
            }
          }
          return {
            e,
            o: await sender.send({ url: e.url, secret }, bodies.get(e.delivery_id) ?? '', e.delivery_id),
          }
        }),
      )
      await recordAnswers(ctx, answers)
      return outcomesOf(ctx, batch, answers)
    },
    close: () => sender.close(),
  }
}

type Answer = { e: { delivery_id: string; id: string }; o: WebhookOutcome }

/**
 * Keeps each endpoint's answer where a delivery has several endpoints: a retry then goes only to
 * those still owed it. With one endpoint the delivery's own outcome says it all, and a fan-out
 * writes a row less per person.
 */
async function recordAnswers(ctx: AppContext, answers: readonly Answer[]): Promise<void> {
  const perDelivery = new Map<string, number>()
  for (const { e } of answers) perDelivery.set(e.delivery_id, (perDelivery.get(e.delivery_id) ?? 0) + 1)
  const sends: WebhookSend[] = []
  for (const { e, o } of answers) {
    if ((o.kind === 'sent' || o.kind === 'rejected') && (perDelivery.get(e.delivery_id) ?? 0) > 1) {
      sends.push({ deliveryId: e.delivery_id, endpointId: e.id, outcome: o.kind, status: o.status })
    }
  }
  await recordSends(ctx.db, sends)
  const ids = (kind: WebhookOutcome['kind']) => [
    ...new Set(answers.filter((a) => a.o.kind === kind).map((a) => a.e.id)),
  ]
  await markEndpointsSucceeded(ctx.db, ids('sent'))
  await markEndpointsFailed(ctx.db, [...ids('rejected'), ...ids('retry')])
  await disableEndpoints(ctx.db, ids('gone'))
}

async function outcomesOf(
  ctx: AppContext,
  batch: readonly ClaimedDelivery[],
  answers: readonly Answer[],
): Promise<Map<string, SendOutcome>> {
  const byDelivery = new Map<string, WebhookOutcome[]>()
  for (const { e, o } of answers) byDelivery.set(e.delivery_id, [...(byDelivery.get(e.delivery_id) ?? []), o])
  const undecided = batch.filter((d) => {
    const os = byDelivery.get(d.id) ?? []
    return (
      !os.some((o) => o.kind === 'sent') && !(os.some((o) => o.kind === 'retry') && d.attempts < MAX_ATTEMPTS)
    )
  })
  const sentBefore = await deliveriesSentBefore(
    ctx.db,
    undecided.map((d) => d.id),
  )
  const outcomes = new Map<string, SendOutcome>()
  for (const d of batch) {
    const os = byDelivery.get(d.id) ?? []
    const problems = os.flatMap((o) => (o.kind === 'sent' ? [] : [o.reason])).join('; ')
    const retries = os.filter((o) => o.kind === 'retry')
    if (retries.length && d.attempts < MAX_ATTEMPTS) {
      const notBefore = retries.reduce<Date | undefined>(
        (late, o) => (o.notBefore && (!late || o.notBefore > late) ? o.notBefore : late),
        undefined,
      )
      outcomes.set(d.id, { kind: 'retry', reason: problems, notBefore })
    } else if (os.some((o) => o.kind === 'sent') || sentBefore.has(d.id)) {
      outcomes.set(d.id, { kind: 'sent', note: problems || null })
    } else {
      outcomes.set(d.id, { kind: 'failed', reason: problems || 'no active webhook endpoint' })
    }
  }
  return outcomes
}
