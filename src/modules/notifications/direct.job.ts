import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { captureMail, createMailer, type Mailer } from './mailer.ts'
import { createSmsSender, type SmsSender } from './sms.sender.ts'

/**
 * One e-mail or text to an address rather than to an account's inbox: a sign-in code, a link to
 * verify an address or reset a password, a subscription's confirmation. The content travels
 * sealed (it holds codes and links), and the job id is the message's id downstream (Message-ID,
 * the gateway's Idempotency-Key), so a retry after a crash is recognisable there.
 */
export const directJobType = {
  name: 'notifications.direct',
  payload: z.object({
    id: z.uuid(),
    channel: z.enum(['email', 'sms']),
    to: z.string().max(320),
    sealed: z.string().max(40_000),
  }),
}

export interface DirectMessage {
  readonly channel: 'email' | 'sms'
  /** An e-mail address, or an E.164 number. */
  readonly to: string
  readonly subject?: string
  readonly text: string
  readonly headers?: Record<string, string>
}

const sealedContent = z.object({
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
})

/** Queues the message (with the caller's transaction, when given: sent only if it commits). */
export async function sendDirect(
  ctx: AppContext,
  message: DirectMessage,
  trx?: Transaction<Database>,
): Promise<void> {
  const sealed = ctx.secrets.seal(
    JSON.stringify({ subject: message.subject ?? '', text: message.text, headers: message.headers ?? {} }),
  )
  await ctx.queue.send(
    directJobType,
    { id: uuidv7(), channel: message.channel, to: message.to, sealed },
    trx ? { trx } : {},
  )
}

export function directJob(ctx: AppContext) {
  let mailer: Mailer | null = null
  let sms: SmsSender | null = null
  return defineJob({
    ...directJobType,
    retryLimit: 5,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 120,
    async handle(data) {
      const content = sealedContent.parse(JSON.parse(ctx.secrets.open(data.sealed)))
      if (data.channel === 'email') {
        mailer ??= createMailer(ctx)
        await mailer.send({
          deliveryId: data.id,
          to: data.to,
          subject: content.subject,
          text: content.text,
          headers: content.headers,
        })
        return
      }
      if (!ctx.config.sms) {
        // No gateway (the embedded demo): the text is kept in the demo outbox, as mail is.
        await captureMail(ctx, { deliveryId: data.id, to: data.to, subject: 'SMS', text: content.text })
        return
      }
      sms ??= createSmsSender(ctx.config.sms)
      const outcome = await sms.send({ deliveryId: data.id, to: data.to, text: content.text })
      if (outcome.kind === 'retry') throw new Error(outcome.reason)
      if (outcome.kind === 'failed') ctx.log.warn({ id: data.id, reason: outcome.reason }, 'text refused')
    },
    stop() {
      mailer?.close()
      sms?.close()
    },
  })
}
