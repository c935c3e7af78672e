import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { scopeOf } from '../access.ts'
import { caseNotFound, casesError } from '../cases.errors.ts'
import { findCaseRow } from './case.repository.ts'
import type { DetentionBody } from './case.schema.ts'
import { presentCase } from './case.view.ts'
import { addEvent, lastVisitAt } from './case-event.repository.ts'
import { findDetention, upsertDetention } from './detention.repository.ts'
import { recordResponse } from './response.ts'

/**
 * Consular visits to a detained citizen (Vienna Convention art. 36 gives the right of access):
 * the first within a week of the local authority notifying the mission (of the arrest, if the
 * notification date is not known), then at least every 90 days.
 */
export const FIRST_VISIT_DAYS = 7
export const VISIT_INTERVAL_DAYS = 90
const DAY = 86_400_000

/** The next visit due for a detention case, counting a visit just made; undefined without a detention record. */
export async function nextVisitDue(db: Db, caseId: string, visitAt?: Date): Promise<Date | undefined> {
  const d = await findDetention(db, caseId)
  if (!d) return undefined
  const last = await lastVisitAt(db, caseId)
  const latest = [last, visitAt ?? null]
    .filter((x): x is Date => x !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0]
  if (latest) return new Date(latest.getTime() + VISIT_INTERVAL_DAYS * DAY)
  const from = new Date(d.authority_notified_at ?? d.arrested_at)
  return new Date(from.getTime() + FIRST_VISIT_DAYS * DAY)
}

export async function putDetention(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  body: DetentionBody,
  ip: string,
) {
  const arrestedAt = new Date(body.arrestedAt)
  const notifiedAt = body.authorityNotifiedAt ? new Date(body.authorityNotifiedAt) : null
  const now = new Date()
  if (
    arrestedAt.getTime() > now.getTime() + 5 * 60_000 ||
    (notifiedAt && notifiedAt.getTime() > now.getTime() + 5 * 60_000)
  )
    throw casesError('detention.in_future', 'The arrest and the notification lie in the past')
  if (notifiedAt && notifiedAt < arrestedAt)
    throw casesError('detention.dates_inverted', 'The authority cannot notify the mission before the arrest')
  const scope = scopeOf(principal)
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseRow(trx, scope, caseId, true)
    if (!c) throw caseNotFound()
    if (c.type !== 'detention')
      throw casesError('case.not_detention', `This is a ${c.type} case, not a detention`)
    const existed = (await findDetention(trx, caseId)) !== undefined
    await upsertDetention(trx, caseId, {
      arrested_at: arrestedAt,
      authority_notified_at: notifiedAt,
      facility: body.facility,
      charges: body.charges,
      lawyer: body.lawyer ?? null,
      trial_dates: [...new Set(body.trialDates ?? [])].sort(),
      updated_by: principal.userId,
    })
    const due = await nextVisitDue(trx, caseId)
    await addEvent(trx, {
      caseId,
      kind: 'detention',
      actorId: principal.userId,
      at: now,
      details: {
        recorded: existed ? 'changed' : 'created',
        facility: body.facility,
        nextVisitDue: due?.toISOString(),
      },
    })
    await recordResponse(ctx, trx, c, now, { next_visit_due: due ?? null })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'case.detention',
      subjectType: 'case',
      subjectId: caseId,
      ip,
    })
    return presentCase(trx, scope, caseId)
  })
}
