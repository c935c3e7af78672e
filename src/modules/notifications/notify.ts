import { type RawBuilder, sql, type Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { accountsSql } from '../identity/index.ts'
import { contactPhoneSql } from '../registrations/index.ts'
import { dispatchJobType } from './dispatch.job.ts'
import { checkActions } from './message-actions.ts'
import type { Channel, MessageAttachment } from './notifications.table.ts'
import { pushJobType } from './push.job.ts'
import { smsJobType } from './sms.job.ts'
import { webhookJobType } from './webhook.job.ts'

export type { Localized }

export interface MessageInput {
  readonly kind: string
  readonly about?: { type: string; id: string }
  readonly title: Localized
  readonly body: Localized
  readonly link?: string
  /** Safety messages reach people whatever their consent to non-emergency contact says; only they go by SMS. */
  readonly emergency?: boolean
  /** One-click answers offered in e-mail, push and webhooks (SMS links to a page to pick one). */
  readonly actions?: readonly { key: string; label: Localized }[]
  /**
   * The path each recipient's answer link is made from, e.g.
   * `/alerts/{about}/answer?user={user}&answer={action}&sig={sig}`; `{sig}` is
   * `signAction(signer, about, userId, key)`, over `*` for the pick-an-answer link.
   */
  readonly actionUrl?: string
  /** Files for the e-mail only (an appointment's .ics); small, kept with the message. */
  readonly attachments?: readonly MessageAttachment[]
}

const JOB_TYPES = { email: dispatchJobType, push: pushJobType, sms: smsJobType, webhook: webhookJobType }
/** A fan-out this large gets one more job (up to JOBS_PER_CHANNEL), so worker processes share it. */
const DELIVERIES_PER_JOB = 200
const JOBS_PER_CHANNEL = 4

/**
 * Writes the message and one delivery per recipient and channel with a single INSERT … SELECT
 * (the inbox is delivered at once; the other channels are queued for their jobs, sent with the
 * transaction). `recipients` is any query yielding `user_id`; duplicates are collapsed.
 * E-mail goes to people with an address who kept it on; push to those who kept it on and have
 * a subscribed browser; SMS, for emergencies only and when a gateway is configured, to those
 * with a phone number who kept it on; webhooks to those with an active endpoint.
 */
export async function notify(
  ctx: AppContext,
  trx: Transaction<Database>,
  message: MessageInput,
  recipients: RawBuilder<{ user_id: string }>,
): Promise<{ messageId: string; recipients: number }> {
  checkActions(message.about, message.actions, message.actionUrl)
  const messageId = uuidv7()
  await trx
    .insertInto('messages')
    .values({
      id: messageId,
      kind: message.kind,
      about_type: message.about?.type ?? null,
      about_id: message.about?.id ?? null,
      title_zh: message.title['zh-CN'],
      title_en: message.title.en,
      body_zh: message.body['zh-CN'],
      body_en: message.body.en,
      link: message.link ?? null,
      emergency: message.emergency ?? false,
      actions: message.actions?.length ? JSON.stringify(message.actions) : null,
      action_url: message.actions?.length ? (message.actionUrl ?? null) : null,
      attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
    })
    .execute()
  const channels: Channel[] = ['inbox', 'email', 'push', 'webhook']
  if (ctx.config.sms && message.emergency) channels.push('sms')
  const inserted = await sql<{ channel: Channel; n: number }>`
    with r as (select distinct x.user_id from (${recipients}) x),
    ins as (
      insert into deliveries (id, message_id, user_id, channel, state, sent_at)
      select lingshi_uuid7(), ${messageId}::uuid, r.user_id, c.channel,
             case when c.channel = 'inbox' then 'delivered' else 'queued' end,
             case when c.channel = 'inbox' then now() end
        from r
        join ${accountsSql()} u on u.id = r.user_id and u.disabled_at is null
        left join notification_preferences np on np.user_id = r.user_id
        cross join unnest(${channels}::text[]) c(channel)
       where c.channel = 'inbox'
          or (c.channel = 'email' and u.email is not null and coalesce(np.email, true))
          or (c.channel = 'push' and coalesce(np.push, true)
              and exists (select 1 from push_subscriptions ps where ps.user_id = r.user_id))
          or (c.channel = 'sms' and coalesce(np.sms, true)
              and ${contactPhoneSql(sql.ref('r.user_id'))} is not null)
          or (c.channel = 'webhook'
              and exists (select 1 from webhook_endpoints w where w.user_id = r.user_id and w.active))
      on conflict (message_id, user_id, channel) do nothing
      returning channel)
    select channel, count(*)::int as n from ins group by channel`.execute(trx)
  const count = (ch: Channel) => inserted.rows.find((r) => r.channel === ch)?.n ?? 0
  for (const channel of ['email', 'push', 'sms', 'webhook'] as const) {
    const jobs = Math.min(JOBS_PER_CHANNEL, Math.ceil(count(channel) / DELIVERIES_PER_JOB))
    for (let i = 0; i < jobs; i++) await ctx.queue.send(JOB_TYPES[channel], { messageId }, { trx })
  }
  return { messageId, recipients: count('inbox') }
}
