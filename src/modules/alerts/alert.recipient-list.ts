import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { deliveryStats } from '../notifications/index.ts'
import { personSummaries } from '../registrations/index.ts'
import { alertShape, alertWindow, placedPresence } from './alert.audience.ts'
import { findAlertRow } from './alert.repository.ts'
import type { AnswerVia, SafetyAnswer } from './alert.schema.ts'
import { getAlert } from './alert.service.ts'
import { answerCounts, answerGrid, answerHistories, recipientPage } from './alert-recipient.repository.ts'
import type { RecipientsQuery } from './alert-recipient.schema.ts'
import { siteTotals } from './alert-site.repository.ts'

/** Audits a member of staff reading who an alert reached (people's names, phones and places). */
async function auditRecipientsRead(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  details: Record<string, unknown>,
  ip?: string,
) {
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'alert.recipients_read',
    subjectType: 'alert',
    subjectId: alertId,
    ip: ip ?? null,
    details,
  })
}

/** Reached, delivered, answered by kind (the current answers), unanswered. */
export async function alertStats(ctx: AppContext, principal: Principal, alertId: string) {
  const alert = await getAlert(ctx, principal, alertId)
  const r = await answerCounts(ctx.db, alertId)
  const row = await findAlertRow(ctx.db, alert.id)
  const deliveries = row?.message_id
    ? await deliveryStats(ctx.db, row.message_id)
    : { delivered: 0, failed: 0, byChannel: [] }
  const answered = r.safe + r.need_help + r.not_in_area
  const sites = await siteTotals(ctx.db, alertId)
  return {
    recipients: r.recipients,
    delivered: deliveries.delivered,
    failed: deliveries.failed,
    answers: { safe: r.safe, need_help: r.need_help, not_in_area: r.not_in_area },
    unanswered: alert.safetyCheck ? r.recipients - answered : 0,
    sites,
    byChannel: deliveries.byChannel,
  }
}

/**
 * One page of an alert's recipients (the unanswered list the hotline works), by user id, each with
 * every answer they gave in order (`answers`; `answer` is the current one); audited.
 */
export async function listRecipients(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  query: RecipientsQuery,
  ip?: string,
) {
  await getAlert(ctx, principal, alertId)
  const rows = await recipientPage(ctx.db, alertId, query)
  const page = rows.slice(0, query.limit)
  const ids = page.map((r) => r.user_id)
  const people = new Map((await personSummaries(ctx.db, ids)).map((p) => [p.id, p]))
  const histories = new Map<string, { answer: SafetyAnswer; via: AnswerVia; at: string }[]>()
  for (const a of await answerHistories(ctx.db, alertId, ids)) {
    const list = histories.get(a.user_id) ?? []
    list.push({ answer: a.answer, via: a.via, at: new Date(a.answered_at).toISOString() })
    histories.set(a.user_id, list)
  }
  await auditRecipientsRead(
    ctx,
    principal,
    alertId,
    { answer: query.answer ?? 'all', count: page.length },
    ip,
  )
  return {
    items: page.map((r) => {
      const p = people.get(r.user_id)
      const where = p?.whereNow
      return {
        userId: r.user_id,
        name: p?.nameZh ?? p?.nameLatin ?? p?.name ?? '—',
        phone: p?.phone ?? null,
        country: where?.country ?? null,
        place: where?.source ?? null,
        lat: where?.lat ?? null,
        lon: where?.lon ?? null,
        inArea: r.placed,
        answer: r.answer,
        answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
        contactId: r.contact_id,
        answers: histories.get(r.user_id) ?? [],
      }
    }),
    next: rows.length > query.limit ? (page.at(-1)?.user_id ?? null) : null,
  }
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The whole list as CSV, page by page, for a crisis team to work offline; `answers` is the history. */
export async function recipientsCsv(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  answer: RecipientsQuery['answer'],
  ip?: string,
) {
  const lines = ['user_id,name,phone,country,place,lat,lon,in_area,answer,answered_at,answers']
  let after: string | undefined
  do {
    const page = await listRecipients(ctx, principal, alertId, { answer, after, limit: 5000 }, ip)
    for (const r of page.items)
      lines.push(
        [
          r.userId,
          r.name,
          r.phone,
          r.country,
          r.place,
          r.lat,
          r.lon,
          r.inArea,
          r.answer,
          r.answeredAt,
          r.answers.map((a) => `${a.at} ${a.answer} (${a.via})`).join('; '),
        ]
          .map(csvCell)
          .join(','),
      )
    after = page.next ?? undefined
  } while (after)
  return `${lines.join('\n')}\n`
}

/** Recipients with a known point, counted on a grid of about 5 km: the live board's map, without names. */
export async function recipientMap(ctx: AppContext, principal: Principal, alertId: string) {
  await getAlert(ctx, principal, alertId)
  const row = await findAlertRow(ctx.db, alertId)
  if (!row) return { cells: [] }
  const window = alertWindow(new Date(row.effective_at), row.expires_at ? new Date(row.expires_at) : null)
  const placed = placedPresence(alertId, window, await alertShape(ctx.db, alertId))
  return { cells: await answerGrid(ctx.db, alertId, placed) }
}
