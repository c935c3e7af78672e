import type { AppContext } from '../../context.ts'
import type { ChannelDriver, SendOutcome } from './channel.runner.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { createMailer } from './mailer.ts'
import { absoluteUrl, renderFor } from './message.render.ts'
import { TokenBucket } from './token-bucket.ts'

const TEXT = {
  en: {
    answer: 'Answer with one click (no sign-in needed; the links are for you alone):',
    footer:
      'Lingshi consular service. 24-hour hotline: +86-10-12308. Change what you receive in your account settings.',
  },
  'zh-CN': {
    answer: '一键回复（无需登录；以下链接仅供您本人使用）：',
    footer: '领事服务平台。24小时热线：+86-10-12308。可在账户设置中更改通知方式。',
  },
} as const

/** The e-mail for one recipient: their language, the message's link and one signed link per answer. */
function emailFor(d: ClaimedDelivery, ctx: Pick<AppContext, 'signer' | 'config'>) {
  const m = renderFor(d, ctx.signer)
  const publicUrl = ctx.config.linkBase
  const t = TEXT[m.locale]
  const parts = [m.body]
  if (m.link) parts.push(absoluteUrl(m.link, publicUrl))
  if (m.actions.length) {
    parts.push(
      [t.answer, ...m.actions.map((a) => `- ${a.label}: ${absoluteUrl(a.url, publicUrl)}`)].join('\n'),
    )
  }
  return {
    subject: m.title,
    text: `${parts.join('\n\n')}\n\n--\n${t.footer}`,
    ...(d.attachments?.length ? { attachments: d.attachments } : {}),
  }
}

/** An SMTP reply in the 5xx range is a refusal (no such mailbox …) that trying again would not change. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

const LANES = 4
const BATCH = 16

/** E-mail deliveries: many in flight at once over a pool of SMTP connections. */
export function emailDriver(ctx: AppContext): ChannelDriver {
  const mailer = createMailer(ctx)
  return {
    channel: 'email',
    lanes: LANES,
    batch: BATCH,
    bucket: ctx.config.mailRatePerSecond ? new TokenBucket(ctx.config.mailRatePerSecond, BATCH) : null,
    async deliver(batch) {
      const outcomes = await Promise.all(
        batch.map(async (d): Promise<[string, SendOutcome]> => {
          if (!d.email) return [d.id, { kind: 'failed', reason: 'no e-mail address' }]
          try {
            await mailer.send({ deliveryId: d.id, to: d.email, ...emailFor(d, ctx) })
            return [d.id, { kind: 'sent' }]
          } catch (err) {
            const reason = (err as Error).message
            return [d.id, isPermanent(err) ? { kind: 'failed', reason } : { kind: 'retry', reason }]
          }
        }),
      )
      return new Map(outcomes)
    },
    close: () => mailer.close(),
  }
}
