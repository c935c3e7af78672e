import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { recordHelpRequest } from '../cases/index.ts'
import { findAlertBrief } from './alert.repository.ts'
import type { AnswerVia, SafetyAnswer } from './alert.schema.ts'
import { getAlert } from './alert.service.ts'
import type { AnswerResult } from './alert-me.schema.ts'
import {
  appendAnswer,
  lockRecipient,
  recordPlainAnswer,
  setCurrentAnswer,
} from './alert-recipient.repository.ts'
import { alertError } from './alerts.errors.ts'

export interface AnswerInput {
  readonly userId: string
  readonly alertId: string
  readonly answer: SafetyAnswer
  readonly via: AnswerVia
}

/** The member of staff taking an answer on the phone, audited with it. */
interface HotlineTaker {
  readonly principal: Principal
  readonly ip: string | null
}

/**
 * Records a recipient's answer to the safety check; every answer is kept in order. The latest
 * becomes the current one, except that a `need_help` stands until the hotline resolves it: a
 * later "safe" from the person (a forwarded link, a second tap) is kept in the history only. A
 * `need_help` records a P1 help request through the cases module, once per person and alert, in
 * the same transaction. A cancelled alert takes no answer from the person (the hotline may still
 * note what a call found).
 */
export async function answerSafetyCheck(
  ctx: AppContext,
  input: AnswerInput,
  taker: HotlineTaker | null = null,
): Promise<AnswerResult> {
  const { userId, alertId, answer, via } = input
  const write = {
    id: uuidv7(),
    alertId,
    userId,
    answer,
    via,
    at: new Date(),
    recordedBy: taker?.principal.userId ?? null,
  }
  const answered = (contactId: string | null): AnswerResult => ({
    alertId,
    answer,
    answeredAt: write.at.toISOString(),
    contactId,
    given: answer,
  })
  if (answer !== 'need_help' && !taker) {
    const done = await recordPlainAnswer(ctx.db, write)
    if (done) return answered(done.contact_id)
  }
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await findAlertBrief(trx, alertId)
    const mine = await lockRecipient(trx, alertId, userId)
    if (!alert || !mine) throw alertError('alert.not_recipient', 'This alert did not reach you')
    if (!alert.safety_check)
      throw alertError('alert.no_safety_check', 'This alert does not ask whether you are safe')
    if (alert.status === 'cancelled' && !taker)
      throw alertError('alert.cancelled', 'This alert was cancelled: it no longer asks whether you are safe')
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
    await appendAnswer(trx, write)
    if (taker)
      await recordAudit(trx, {
        actorId: taker.principal.userId,
        actorRoles: taker.principal.roles,
        action: 'alert.answer_recorded',
        subjectType: 'alert',
        subjectId: alertId,
        ip: taker.ip,
        details: { userId, answer },
      })
    const helpStands = mine.answer === 'need_help' && answer !== 'need_help' && !taker
    if (helpStands)
      return {
        alertId,
        answer: 'need_help' as const,
        answeredAt: (mine.answered_at ?? write.at).toISOString(),
        contactId,
        given: answer,
      }
    await setCurrentAnswer(trx, { ...write, contactId })
    return answered(contactId)
  })
}

/**
 * The hotline's word after a call: the answer the person gave on the phone becomes the current
 * one, a standing `need_help` included (that is how it is resolved). Staff who may see the alert
 * only; audited.
 */
export async function recordHotlineAnswer(
  ctx: AppContext,
  principal: Principal,
  alertId: string,
  userId: string,
  answer: SafetyAnswer,
  ip?: string,
): Promise<AnswerResult> {
  await getAlert(ctx, principal, alertId)
  return answerSafetyCheck(ctx, { userId, alertId, answer, via: 'hotline' }, { principal, ip: ip ?? null })
}
