import { type RawBuilder, sql, type Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'

export interface Localized {
  'zh-CN': string
  en: string
}

export interface MessageInput {
  readonly kind: string
  readonly about?: { type: string; id: string }
  readonly title: Localized
  readonly body: Localized
  readonly link?: string
  /** Safety messages reach people whatever their consent to non-emergency contact says. */
  readonly emergency?: boolean
}

export const dispatchJobType = {
  name: 'notifications.dispatch',
  payload: z.object({ messageId: z.uuid() }),
}

export const pushJobType = {
  name: 'notifications.push',
  payload: z.object({ messageId: z.uuid() }),
}

/**
 * Writes the message and one delivery per recipient and channel with a single INSERT … SELECT
 * (the inbox is delivered at once; e-mail and web push are queued for their jobs, sent with the
 * transaction). `recipients` is any query yielding `user_id`; duplicates are collapsed. Push
 * goes to people who have not turned it off and have at least one subscribed browser.
 */
export async function notify(
  ctx: AppContext,
  trx: Transaction<Database>,
  message: MessageInput,
  recipients: RawBuilder<{ user_id: string }>,
): Promise<{ messageId: string; recipients: number }> {
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
    })
    .execute()
  const inserted = await sql<{ channel: string; n: number }>`
    with r as (select distinct x.user_id from (${recipients}) x),
    ins as (
      insert into deliveries (id, message_id, user_id, channel, state, sent_at)
      select lingshi_uuid7(), ${messageId}::uuid, r.user_id, c.channel,
             case when c.channel = 'inbox' then 'delivered' else 'queued' end,
             case when c.channel = 'inbox' then now() end
        from r
        join users u on u.id = r.user_id and u.disabled_at is null
        left join notification_preferences np on np.user_id = r.user_id
        cross join (values ('inbox'), ('email'), ('push')) c(channel)
       where c.channel = 'inbox'
          or (c.channel = 'email' and u.email is not null and coalesce(np.email, true))
          or (c.channel = 'push' and coalesce(np.push, true)
              and exists (select 1 from push_subscriptions ps where ps.user_id = r.user_id))
      on conflict (message_id, user_id, channel) do nothing
      returning channel)
    select channel, count(*)::int as n from ins group by channel`.execute(trx)
  const count = (ch: string) => inserted.rows.find((r) => r.channel === ch)?.n ?? 0
  if (count('email') > 0) await ctx.queue.send(dispatchJobType, { messageId }, { trx })
  if (count('push') > 0) await ctx.queue.send(pushJobType, { messageId }, { trx })
  return { messageId, recipients: count('inbox') }
}
