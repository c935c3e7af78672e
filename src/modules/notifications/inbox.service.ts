import type { AppContext } from '../../context.ts'
import {
  findPreferences,
  listCapturedMailRows,
  listInboxRows,
  markInboxRead,
  upsertPreferences,
} from './inbox.repository.ts'
import { notificationError } from './notifications.errors.ts'
import type { PreferencesBody } from './notifications.schema.ts'
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
  const rows = await listInboxRows(ctx.db, userId, limit, before)
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
  if (!(await markInboxRead(ctx.db, userId, id)))
    throw notificationError('inbox.not_found', 'No such message in your inbox')
}

export async function getPreferences(ctx: AppContext, userId: string) {
  const row = await findPreferences(ctx.db, userId)
  return { inbox: true as const, email: row?.email ?? true, push: row?.push ?? true, sms: row?.sms ?? true }
}

/** Merges the channels given; a channel left out keeps its setting. */
export async function setPreferences(ctx: AppContext, userId: string, prefs: PreferencesBody) {
  const current = await getPreferences(ctx, userId)
  const next = {
    email: prefs.email ?? current.email,
    push: prefs.push ?? current.push,
    sms: prefs.sms ?? current.sms,
  }
  await upsertPreferences(ctx.db, userId, next)
  return getPreferences(ctx, userId)
}

export async function listCapturedMail(ctx: AppContext, limit: number) {
  const rows = await listCapturedMailRows(ctx.db, limit)
  return rows.map((r) => ({
    id: r.id,
    deliveryId: r.delivery_id,
    messageId: r.message_id_header,
    to: r.recipient,
    subject: r.subject,
    body: r.body,
    headers: r.headers ?? {},
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
