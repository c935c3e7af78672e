import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { absoluteUrl, sendDirect } from '../notifications/index.ts'
import { countryNames, unknownCountries } from '../reference/index.ts'
import { advisoryError, unknownCountryToFollow } from './advisories.errors.ts'
import * as subs from './email-subscription.repository.ts'

/** A new confirmation is sent at most once a minute per address and country. */
const CONFIRM_COOLDOWN_MS = 60_000
const BATCH = 200

const TEXT = {
  en: {
    confirmSubject: (country: string) => `Confirm: travel advice and alerts for ${country} by e-mail`,
    confirmText: (country: string, link: string) =>
      `You (or someone with this address) asked to receive Lingshi's travel advice and alerts for ${country} by e-mail. Confirm here:\n\n${link}\n\nIf you did not ask, ignore this message: nothing will be sent.`,
    footer: (unsubscribe: string) =>
      `--\nYou receive this because you subscribed to this country's advice and alerts. Unsubscribe with one click: ${unsubscribe}\n24-hour consular hotline: +86-10-12308`,
  },
  'zh-CN': {
    confirmSubject: (country: string) => `请确认：通过电子邮件接收${country}旅行提醒和预警`,
    confirmText: (country: string, link: string) =>
      `您（或使用此邮箱的人）申请通过电子邮件接收${country}的旅行提醒和安全预警。请点击确认：\n\n${link}\n\n如非本人操作，请忽略本邮件，我们不会向您发送任何内容。`,
    footer: (unsubscribe: string) =>
      `--\n您收到此邮件是因为您订阅了该国的旅行提醒和预警。一键退订：${unsubscribe}\n24小时领事保护热线：+86-10-12308`,
  },
} as const

/** The signature that lets a POST to the unsubscribe URL end the subscription without sign-in. */
const unsubscribeSig = (ctx: AppContext, id: string) => ctx.signer.sign('email-unsubscribe', [id])

/** The RFC 8058 one-click URL (POST) and the page a person opens from the mail's text. */
export function unsubscribeLinks(ctx: AppContext, id: string) {
  const sig = unsubscribeSig(ctx, id)
  return {
    oneClick: absoluteUrl(`/api/v1/public/subscriptions/${id}/unsubscribe?sig=${sig}`, ctx.config.linkBase),
    page: absoluteUrl(`/subscriptions/unsubscribe?id=${id}&sig=${sig}`, ctx.config.linkBase),
  }
}

/**
 * Double opt-in: a confirmation link is e-mailed; nothing else is sent until it is opened. The
 * answer is the same whether the address was new, pending or confirmed already.
 */
export async function subscribeByEmail(
  ctx: AppContext,
  body: { email: string; country: string; lang?: 'zh-CN' | 'en' | undefined },
): Promise<void> {
  if ((await unknownCountries(ctx.db, [body.country])).length > 0) throw unknownCountryToFollow(body.country)
  const lang = body.lang ?? 'zh-CN'
  const existing = await subs.findEmailSubscription(ctx.db, body.email, body.country)
  if (existing?.confirmed_at) return
  if (
    existing?.confirm_sent_at &&
    Date.now() - new Date(existing.confirm_sent_at).getTime() < CONFIRM_COOLDOWN_MS
  )
    return
  const names = (await countryNames(ctx.db, [body.country])).get(body.country)
  const name = names?.[lang] ?? body.country
  const token = randomToken()
  await ctx.db.transaction().execute(async (trx) => {
    const id = await subs.upsertPending(trx, {
      id: uuidv7(),
      email: body.email,
      country: body.country,
      lang,
      tokenHash: sha256Hex(token),
    })
    const link = absoluteUrl(`/subscriptions/confirm?id=${id}&token=${token}`, ctx.config.linkBase)
    await sendDirect(
      ctx,
      {
        channel: 'email',
        to: existing?.email ?? body.email,
        subject: TEXT[lang].confirmSubject(name),
        text: TEXT[lang].confirmText(name, link),
      },
      trx,
    )
  })
}

const invalidLink = () =>
  advisoryError(
    'subscription.link_invalid',
    'The link is not valid: it is unknown, was used already or has expired',
  )

export async function confirmEmailSubscription(ctx: AppContext, id: string, token: string) {
  const row = await subs.confirmPending(ctx.db, id, sha256Hex(token))
  if (!row) throw invalidLink()
  const names = (await countryNames(ctx.db, [row.country])).get(row.country)
  return { country: row.country, name: names ?? { 'zh-CN': row.country, en: row.country } }
}

/** RFC 8058 one-click: the signature is the proof; unsubscribing twice is not an error. */
export async function unsubscribeByEmail(ctx: AppContext, id: string, sig: string): Promise<void> {
  if (!ctx.signer.verify('email-unsubscribe', [id], sig)) throw invalidLink()
  await subs.deleteEmailSubscription(ctx.db, id)
}

export interface SubscriberMail {
  /** What is sent, once per subscriber: `alert:<id>`, `advisory:JP:7`. */
  readonly about: string
  readonly countries: readonly string[]
  readonly title: Localized
  readonly body: Localized
  readonly link: string
}

export const subscriberMailJobType = {
  name: 'advisories.subscriber-mail',
  payload: z.object({
    about: z.string().max(200),
    countries: z.array(z.string().length(2)).max(300),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    body: z.object({ 'zh-CN': z.string(), en: z.string() }),
    link: z.string().max(2_000),
  }),
}

/** Queues the mail to the e-mail-only subscribers of the countries (with the caller's transaction). */
export async function mailCountrySubscribers(
  ctx: AppContext,
  trx: Transaction<Database>,
  mail: SubscriberMail,
): Promise<void> {
  if (mail.countries.length === 0) return
  await ctx.queue.send(subscriberMailJobType, { ...mail, countries: [...mail.countries] }, { trx })
}

/**
 * Mails each confirmed subscriber once, in their language, with the RFC 8058 headers. A batch's
 * sends are recorded with its mail queued in one transaction: a retried job skips them.
 */
export function subscriberMailJob(ctx: AppContext) {
  return defineJob({
    ...subscriberMailJobType,
    retryLimit: 5,
    retryDelaySeconds: 10,
    expireInSeconds: 600,
    async handle(data) {
      for (;;) {
        const n = await ctx.db.transaction().execute(async (trx) => {
          const batch = await subs.claimUnsent(trx, data.about, data.countries, BATCH)
          for (const s of batch) {
            const links = unsubscribeLinks(ctx, s.id)
            const text = [
              data.body[s.lang],
              absoluteUrl(data.link, ctx.config.linkBase),
              TEXT[s.lang].footer(links.page),
            ]
            await sendDirect(
              ctx,
              {
                channel: 'email',
                to: s.email,
                subject: data.title[s.lang],
                text: text.join('\n\n'),
                headers: {
                  'List-Unsubscribe': `<${links.oneClick}>`,
                  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                },
              },
              trx,
            )
          }
          return batch.length
        })
        if (n < BATCH) return
      }
    },
  })
}
