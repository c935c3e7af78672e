import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { type ClaimedDelivery, claimQueued, markFailed, markRetry, markSent } from './delivery.repository.ts'
import { createMailer, type Mailer } from './mailer.ts'
import { dispatchJobType } from './notify.ts'
import { earliest, MAX_ATTEMPTS, nextAttemptAt } from './retry.ts'

const BATCH = 100

function render(d: ClaimedDelivery, publicUrl: string | undefined) {
  const en = d.locale === 'en'
  const link = d.link ? `\n\n${publicUrl ? new URL(d.link, publicUrl).toString() : d.link}` : ''
  const footer = en
    ? '\n\n--\nLingshi consular service. 24-hour hotline: +86-10-12308. Change what you receive in your account settings.'
    : '\n\n--\n领事服务平台。24小时热线：+86-10-12308。可在账户设置中更改通知方式。'
  return { subject: en ? d.title_en : d.title_zh, text: `${en ? d.body_en : d.body_zh}${link}${footer}` }
}

async function sendOne(ctx: AppContext, mailer: Mailer, d: ClaimedDelivery): Promise<Date | null> {
  if (!d.email) {
    await markFailed(ctx.db, d.id, 'no e-mail address')
    return null
  }
  try {
    await mailer.send({ deliveryId: d.id, to: d.email, ...render(d, ctx.config.publicUrl) })
    await markSent(ctx.db, d.id)
    return null
  } catch (err) {
    const reason = (err as Error).message
    if (d.attempts >= MAX_ATTEMPTS) {
      await markFailed(ctx.db, d.id, reason)
      return null
    }
    const retryAt = nextAttemptAt(d.attempts)
    await markRetry(ctx.db, d.id, reason, retryAt)
    return retryAt
  }
}

/** Sends a message's queued e-mail in batches; failures are retried with back-off by a later job. */
export function dispatchJob(ctx: AppContext) {
  const mailer = createMailer(ctx)
  return defineJob({
    ...dispatchJobType,
    retryLimit: 3,
    async handle({ messageId }) {
      let retryAt: Date | null = null
      for (;;) {
        const batch = await claimQueued(ctx.db, messageId, 'email', BATCH)
        if (batch.length === 0) break
        for (const d of batch) retryAt = earliest(retryAt, await sendOne(ctx, mailer, d))
      }
      if (retryAt) await ctx.queue.send(dispatchJobType, { messageId }, { startAfter: retryAt })
    },
  })
}
