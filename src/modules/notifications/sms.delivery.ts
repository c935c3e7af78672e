import type { AppContext } from '../../context.ts'
import type { ChannelDriver, SendOutcome } from './channel.runner.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { absoluteUrl, renderFor } from './message.render.ts'
import { createSmsSender } from './sms.sender.ts'
import { smsText } from './sms.text.ts'
import { TokenBucket } from './token-bucket.ts'

/** The text for one recipient: their language; the link to pick an answer, else the message's link. */
export function smsFor(ctx: AppContext, d: ClaimedDelivery): string {
  const m = renderFor(d, ctx.signer)
  const link = m.chooseUrl ?? m.link
  return smsText(m.title, m.body, link ? absoluteUrl(link, ctx.config.linkBase) : null)
}

const LANES = 2
const BATCH = 10

/** SMS deliveries through the configured gateway (none are queued without one). */
export function smsDriver(ctx: AppContext): ChannelDriver {
  const config = ctx.config.sms
  const sender = config ? createSmsSender(config) : null
  return {
    channel: 'sms',
    lanes: LANES,
    batch: BATCH,
    bucket: config ? new TokenBucket(config.ratePerSecond, BATCH) : null,
    async deliver(batch) {
      const outcomes = await Promise.all(
        batch.map(async (d): Promise<[string, SendOutcome]> => {
          // Queued while a gateway was configured, sent after it was removed.
          if (!sender) return [d.id, { kind: 'failed', reason: 'no SMS gateway configured' }]
          if (!d.phone) return [d.id, { kind: 'failed', reason: 'no phone number' }]
          return [d.id, await sender.send({ deliveryId: d.id, to: d.phone, text: smsFor(ctx, d) })]
        }),
      )
      return new Map(outcomes)
    },
    close: () => sender?.close(),
  }
}
