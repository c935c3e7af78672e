import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { openSiteCase } from '../cases/index.ts'
import { siteCards, siteOfMember } from '../enterprises/index.ts'
import { findAlertBrief, findAlertRow } from './alert.repository.ts'
import { getAlert } from './alert.service.ts'
import { toSummary } from './alert.view.ts'
import {
  alertReachedSite,
  findHeadcount,
  memberAlertSiteRows,
  siteRows,
  upsertHeadcount,
} from './alert-site.repository.ts'
import type { HeadcountBody } from './alert-site.schema.ts'
import { alertError, alertNotFound } from './alerts.errors.ts'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

function headcountOf(h: {
  total: number | null
  safe: number | null
  injured: number | null
  missing: number | null
  reported_at: Date | null
  case_id: string | null
}) {
  if (h.total === null || h.safe === null || h.injured === null || h.missing === null || !h.reported_at)
    return null
  return {
    total: h.total,
    safe: h.safe,
    injured: h.injured,
    missing: h.missing,
    reportedAt: new Date(h.reported_at).toISOString(),
    caseId: h.case_id,
  }
}

/**
 * A site's headcount for an alert, from a member of the site's enterprise: a later report
 * replaces the earlier one. Someone missing opens a `missing_person` case for the hotline
 * (once per site and alert), carrying the site and its enterprise, in the same transaction.
 */
export async function reportHeadcount(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  body: HeadcountBody,
  ip: string,
) {
  const alert = await findAlertBrief(ctx.db, alertId)
  const origin = alert ? await siteOfMember(ctx.db, body.siteId, principal.userId) : undefined
  if (!alert || !origin || !(await alertReachedSite(ctx.db, alertId, body.siteId)))
    throw alertNotFound(alertId)
  if (alert.status === 'cancelled') throw alertError('alert.cancelled', 'This alert was cancelled')
  if (body.safe + body.injured + body.missing > body.total)
    throw alertError(
      'alert.headcount_over_total',
      `safe + injured + missing (${body.safe + body.injured + body.missing}) is over the total (${body.total})`,
    )
  const reportedAt = new Date()
  return ctx.db.transaction().execute(async (trx) => {
    const earlier = await findHeadcount(trx, alertId, body.siteId, true)
    let caseId = earlier?.case_id ?? null
    if (body.missing > 0 && !caseId) {
      const opened = await openSiteCase(ctx, trx, origin, {
        type: 'missing_person',
        summary: `${body.missing} missing at ${origin.label} after the alert "${alert.headline}" (headcount: ${body.total} total, ${body.safe} safe, ${body.injured} injured)`,
        details: { alertId, headcount: { ...body } },
      })
      caseId = opened.caseId
    }
    await upsertHeadcount(trx, alertId, body.siteId, {
      total: body.total,
      safe: body.safe,
      injured: body.injured,
      missing: body.missing,
      reported_by: principal.userId,
      reported_at: reportedAt,
      case_id: caseId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'alert.headcount',
      subjectType: 'alert',
      subjectId: alertId,
      ip,
      details: { siteId: body.siteId, total: body.total, missing: body.missing, caseId, replaced: !!earlier },
    })
    return {
      alertId,
      siteId: body.siteId,
      total: body.total,
      safe: body.safe,
      injured: body.injured,
      missing: body.missing,
      reportedAt: reportedAt.toISOString(),
      caseId,
    }
  })
}

/** The alert board's sites: each site reached, its enterprise and officer, and its headcount or null. */
export async function alertSites(ctx: AppContext, principal: Principal, alertId: string) {
  await getAlert(ctx, principal, alertId)
  const rows = await siteRows(ctx.db, alertId)
  const reports = new Map(rows.map((r) => [r.site_id, headcountOf(r)]))
  const cards = await siteCards(
    ctx.db,
    rows.map((r) => r.site_id),
  )
  return cards.map((c) => ({ ...c, headcount: reports.get(c.id) ?? null }))
}

/** Alerts that reached my enterprises' sites, newest first, each site with its current report. */
export async function mySiteAlerts(ctx: AppContext, principal: Principal) {
  const rows = await memberAlertSiteRows(ctx.db, principal.userId)
  const cards = new Map(
    (
      await siteCards(
        ctx.db,
        rows.map((r) => r.site_id),
      )
    ).map((c) => [c.id, c]),
  )
  const alertIds = [...new Set(rows.map((r) => r.alert_id))].slice(0, 50)
  const out = []
  for (const id of alertIds) {
    const row = await findAlertRow(ctx.db, id)
    if (!row) continue
    const summary = toSummary(row)
    out.push({
      alertId: id,
      status: summary.status,
      severity: summary.severity,
      sentAt: iso(row.sent_at),
      titles: summary.titles,
      sites: rows
        .filter((r) => r.alert_id === id)
        .flatMap((r) => {
          const c = cards.get(r.site_id)
          return c
            ? [
                {
                  id: c.id,
                  name: c.name,
                  enterprise: c.enterprise,
                  staff: c.staff,
                  headcount: headcountOf(r),
                },
              ]
            : []
        }),
    })
  }
  return out
}
