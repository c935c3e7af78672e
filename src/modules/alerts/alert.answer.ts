import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { recordHelpRequest } from '../cases/index.ts'
import { deliveryStats, verifyActionSignature } from '../notifications/index.ts'
import { findAlertRow } from './alert.repository.ts'
import type { AnswerVia, SafetyAnswer } from './alert.schema.ts'
import { getAlert } from './alert.service.ts'
import { alertError } from './alerts.errors.ts'

export interface AnswerResult {
  readonly alertId: string
  readonly answer: SafetyAnswer
  readonly answeredAt: string
  /** The hotline contact a `need_help` answer opened. */
  readonly contactId: string | null
}

/**
 * Records a recipient's answer to the safety check (a later answer replaces an earlier one).
 * `need_help` records a P1 help request through the cases module, once per person and alert,
 * in the same transaction.
 */
export async function answerSafetyCheck(
  ctx: AppContext,
  userId: string,
  alertId: string,
  answer: SafetyAnswer,
  via: AnswerVia,
): Promise<AnswerResult> {
  if (answer !== 'need_help') {
    // The common case, thousands a minute after a big alert: one statement.
    const answeredAt = new Date()
    const done = await sql<{ contact_id: string | null }>`
      update alert_recipients r set answer = ${answer}, answered_at = ${answeredAt}, answered_via = ${via}
        from alerts a
       where r.alert_id = ${alertId} and r.user_id = ${userId} and a.id = r.alert_id and a.safety_check
      returning r.contact_id`.execute(ctx.db)
    const row = done.rows[0]
    if (row) return { alertId, answer, answeredAt: answeredAt.toISOString(), contactId: row.contact_id }
  }
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await trx
      .selectFrom('alerts')
      .select(['safety_check', 'headline'])
      .where('id', '=', alertId)
      .executeTakeFirst()
    const mine = await trx
      .selectFrom('alert_recipients')
      .select(['contact_id'])
      .where('alert_id', '=', alertId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!alert || !mine) throw alertError('alert.not_recipient', 'This alert did not reach you')
    if (!alert.safety_check)
      throw alertError('alert.no_safety_check', 'This alert does not ask whether you are safe')
    let contactId = mine.contact_id
    if (answer === 'need_help' && !contactId) {
      const contact = await recordHelpRequest(
        ctx,
        {
          personId: userId,
          message: `Safety check: needs help — ${alert.headline}`.slice(0, 2000),
          about: { type: 'alert', id: alertId },
        },
        trx,
      )
      contactId = contact.id
    }
    const answeredAt = new Date()
    await trx
      .updateTable('alert_recipients')
      .set({ answer, answered_at: answeredAt, answered_via: via, contact_id: contactId })
      .where('alert_id', '=', alertId)
      .where('user_id', '=', userId)
      .execute()
    return { alertId, answer, answeredAt: answeredAt.toISOString(), contactId }
  })
}

/**
 * An answer from a signed one-click link (e-mail, SMS, a push button): no sign-in, but the
 * signature names the alert, the person and the answer (or `*` for the page that offers all
 * three), so a link cannot be replayed for another person, alert or answer.
 */
export async function answerByLink(
  ctx: AppContext,
  alertId: string,
  link: { user: string; answer: SafetyAnswer; sig: string },
): Promise<AnswerResult> {
  if (!verifyActionSignature(ctx.signer, { type: 'alert', id: alertId }, link.user, link.answer, link.sig))
    throw alertError('alert.bad_link', 'This answer link is not valid for this alert, person and answer')
  return answerSafetyCheck(ctx, link.user, alertId, link.answer, 'link')
}

export async function alertStats(ctx: AppContext, principal: Principal, alertId: string) {
  const alert = await getAlert(ctx, principal, alertId)
  const { rows } = await sql<{
    recipients: number
    safe: number
    need_help: number
    not_in_area: number
  }>`
    select count(*)::int as recipients,
           count(*) filter (where answer = 'safe')::int as safe,
           count(*) filter (where answer = 'need_help')::int as need_help,
           count(*) filter (where answer = 'not_in_area')::int as not_in_area
      from alert_recipients where alert_id = ${alertId}`.execute(ctx.db)
  const r = rows[0] ?? { recipients: 0, safe: 0, need_help: 0, not_in_area: 0 }
  const row = await findAlertRow(ctx.db, alert.id)
  const deliveries = row?.message_id
    ? await deliveryStats(ctx.db, row.message_id)
    : { delivered: 0, failed: 0, byChannel: [] }
  const answered = r.safe + r.need_help + r.not_in_area
  return {
    recipients: r.recipients,
    delivered: deliveries.delivered,
    failed: deliveries.failed,
    answers: { safe: r.safe, need_help: r.need_help, not_in_area: r.not_in_area },
    unanswered: alert.safetyCheck ? r.recipients - answered : 0,
    byChannel: deliveries.byChannel,
  }
}

/** Audits a member of staff reading who an alert reached (people's names, phones and places). */
export async function auditRecipientsRead(
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
