import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { notFound } from '../../platform/errors/app-error.ts'
import { listPushSubscriptions } from './push-subscription.service.ts'
import { listWebhookEndpoints } from './webhook-endpoint.service.ts'

/** Country and region messages name their country: `JP`, or `JP/tokyo-bay` for a region. */
function aboutCountry(type: string | null, id: string | null): string | null {
  if (!id) return null
  if (type === 'country') return id
  if (type === 'region') return id.slice(0, 2)
  return null
}

export async function listInbox(ctx: AppContext, userId: string, limit: number, before?: string) {
  let q = ctx.db
    .selectFrom('deliveries as d')
    .innerJoin('messages as m', 'm.id', 'd.message_id')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select([
      'd.id',
      'm.id as message_id',
      'm.kind',
      'm.about_type',
      'm.about_id',
      'm.title_zh',
      'm.title_en',
      'm.body_zh',
      'm.body_en',
      'm.link',
      'm.emergency',
      'm.actions',
      'd.created_at',
      'd.read_at',
      'u.locale',
    ])
    .where('d.user_id', '=', userId)
    .where('d.channel', '=', 'inbox')
  if (before) q = q.where('d.id', '<', before)
  const rows = await q.orderBy('d.id', 'desc').limit(limit).execute()
  return rows.map((r) => {
    const en = r.locale === 'en'
    return {
      id: r.id,
      messageId: r.message_id,
      kind: r.kind,
      title: en ? r.title_en : r.title_zh,
      body: en ? r.body_en : r.body_zh,
      about: r.about_type && r.about_id ? { type: r.about_type, id: r.about_id } : null,
      country: aboutCountry(r.about_type, r.about_id),
      link: r.link,
      emergency: r.emergency,
      // Answered in the app through the signed-in API: keys and labels, no signed links.
      actions: (r.actions ?? []).map((a) => ({ key: a.key, label: en ? a.label.en : a.label['zh-CN'] })),
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }
  })
}

export async function markRead(ctx: AppContext, userId: string, id: string): Promise<void> {
  const res = await ctx.db
    .updateTable('deliveries')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('channel', '=', 'inbox')
    .executeTakeFirst()
  if (res.numUpdatedRows === 0n) throw notFound('inbox.not_found', 'No such message in your inbox')
}

export async function getPreferences(ctx: AppContext, userId: string) {
  const row = await ctx.db
    .selectFrom('notification_preferences')
    .select(['email', 'push', 'sms'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return { inbox: true as const, email: row?.email ?? true, push: row?.push ?? true, sms: row?.sms ?? true }
}

/** Merges the channels given; a channel left out keeps its setting. */
export async function setPreferences(
  ctx: AppContext,
  userId: string,
  prefs: { email?: boolean; push?: boolean; sms?: boolean },
) {
  const current = await getPreferences(ctx, userId)
  const next = {
    email: prefs.email ?? current.email,
    push: prefs.push ?? current.push,
    sms: prefs.sms ?? current.sms,
  }
  await ctx.db
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...next })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...next, updated_at: sql`now()` }))
    .execute()
  return getPreferences(ctx, userId)
}

export async function listCapturedMail(ctx: AppContext, limit: number) {
  const rows = await ctx.db
    .selectFrom('captured_mail')
    .selectAll()
    .orderBy('captured_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    deliveryId: r.delivery_id,
    messageId: r.message_id_header,
    to: r.recipient,
    subject: r.subject,
    body: r.body,
    capturedAt: new Date(r.captured_at).toISOString(),
  }))
}

export async function exportNotifications(ctx: AppContext, userId: string) {
  return {
    inbox: await listInbox(ctx, userId, 10_000),
    preferences: await getPreferences(ctx, userId),
    pushSubscriptions: await listPushSubscriptions(ctx, userId),
    webhooks: await listWebhookEndpoints(ctx, userId),
  }
}
