import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { personSummaries } from '../registrations/index.ts'
import { auditRecipientsRead } from './alert.answer.ts'
import { alertShape, alertWindow, placedPresence } from './alert.audience.ts'
import { findAlertRow } from './alert.repository.ts'
import { getAlert } from './alert.service.ts'
import type { RecipientsQuery } from './alert-recipient.schema.ts'

/** One page of an alert's recipients (the unanswered list the hotline works), by user id; audited. */
export async function listRecipients(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  query: RecipientsQuery,
  ip?: string,
) {
  await getAlert(ctx, principal, alertId)
  let q = ctx.db
    .selectFrom('alert_recipients')
    .select(['user_id', 'placed', 'answer', 'answered_at', 'contact_id'])
    .where('alert_id', '=', alertId)
    .orderBy('user_id')
    .limit(query.limit + 1)
  if (query.answer === 'unanswered') q = q.where('answer', 'is', null)
  else if (query.answer) q = q.where('answer', '=', query.answer)
  if (query.after) q = q.where('user_id', '>', query.after)
  const rows = await q.execute()
  const page = rows.slice(0, query.limit)
  const people = new Map(
    (
      await personSummaries(
        ctx.db,
        page.map((r) => r.user_id),
      )
    ).map((p) => [p.id, p]),
  )
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

/** The whole list as CSV, page by page, for a crisis team to work offline. */
export async function recipientsCsv(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  answer: RecipientsQuery['answer'],
  ip?: string,
) {
  const lines = ['user_id,name,phone,country,place,lat,lon,in_area,answer,answered_at']
  let after: string | undefined
  do {
    const page = await listRecipients(ctx, principal, alertId, { answer, after, limit: 5000 }, ip)
    for (const r of page.items)
      lines.push(
        [r.userId, r.name, r.phone, r.country, r.place, r.lat, r.lon, r.inArea, r.answer, r.answeredAt]
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
  const { rows } = await sql<{
    lon: number
    lat: number
    total: number
    safe: number
    needHelp: number
    notInArea: number
    unanswered: number
  }>`
    with pts as (
      select distinct on (pp.user_id) pp.user_id, ST_SnapToGrid(pp.location, 0.05) as g
        from (${placedPresence(alertId, window, await alertShape(ctx.db, alertId))}) pp
       where pp.location is not null
       order by pp.user_id)
    select ST_X(g) as lon, ST_Y(g) as lat, count(*)::int as total,
           count(*) filter (where r.answer = 'safe')::int as "safe",
           count(*) filter (where r.answer = 'need_help')::int as "needHelp",
           count(*) filter (where r.answer = 'not_in_area')::int as "notInArea",
           count(*) filter (where r.answer is null)::int as unanswered
      from pts join alert_recipients r on r.alert_id = ${alertId} and r.user_id = pts.user_id
     group by g limit 5000`.execute(ctx.db)
  return { cells: rows }
}
