import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { conflict, forbidden } from '../../platform/errors/app-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { notify } from '../notifications/index.ts'
import { alertWindow, insertRecipients } from './alert.audience.ts'
import { messageText, needsApproval } from './alert.derive.ts'
import { findAlertRow, threadOf } from './alert.repository.ts'
import type { AlertDetail } from './alert.schema.ts'
import { getAlert, isDuty } from './alert.service.ts'
import type { CapAlert } from './cap/cap.model.ts'

/** The safety check's answers, as buttons in the inbox and push, and signed one-click links in e-mail and SMS. */
const SAFETY_ACTIONS = [
  { key: 'safe', label: { 'zh-CN': '我安全', en: 'I am safe' } },
  { key: 'need_help', label: { 'zh-CN': '我需要帮助', en: 'I need help' } },
  { key: 'not_in_area', label: { 'zh-CN': '我不在该地区', en: 'I am not in the area' } },
]
/** The web page that takes a signed answer without a sign-in (POSTs it to /answer-link). */
const ANSWER_URL = '/alerts/{about}/answer?user={user}&answer={action}&sig={sig}'

export const fanoutJobType = {
  name: 'alerts.fanout',
  payload: z.object({ alertId: z.uuid() }),
}

/**
 * Sends a draft: a duty officer's at once; an officer's at once unless it is Severe or Extreme,
 * which then waits for a duty officer (who sends it with this same call). The fan-out itself
 * runs as a job, queued with this change.
 */
export async function sendAlert(
  ctx: AppContext,
  principal: Principal,
  id: string,
  ip?: string,
): Promise<AlertDetail> {
  await getAlert(ctx, principal, id)
  const duty = isDuty(principal)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findAlertRow(trx, id, { lock: true })
    if (!row) return
    if (row.status === 'sending' || row.status === 'sent' || row.status === 'cancelled')
      throw conflict('alert.already_sent', `The alert is ${row.status}`, { alertStatus: row.status })
    if (row.status === 'expired' || (row.expires_at && new Date(row.expires_at).getTime() <= Date.now())) {
      await trx.updateTable('alerts').set({ status: 'expired' }).where('id', '=', id).execute()
      throw conflict('alert.expired', 'The alert is past its expiry time and is never sent')
    }
    if (row.msg_type === 'Ack' || row.msg_type === 'Error')
      throw conflict('alert.not_sendable', `${row.msg_type} messages are kept, not sent to people`)
    if (row.cap_status !== 'Actual')
      throw conflict('alert.not_actual', `Only Actual alerts reach people; this one is ${row.cap_status}`)
    if (!duty && needsApproval(row.severity)) {
      if (row.status === 'pending_approval')
        throw forbidden('alert.approval_required', 'A duty officer must approve this alert')
      await trx
        .updateTable('alerts')
        .set({ status: 'pending_approval', submitted_by: principal.userId })
        .where('id', '=', id)
        .execute()
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'alert.submitted',
        subjectType: 'alert',
        subjectId: id,
        ip: ip ?? null,
      })
      return
    }
    await trx
      .updateTable('alerts')
      .set({
        status: 'sending',
        sent_by: principal.userId,
        approved_by: row.status === 'pending_approval' ? principal.userId : null,
      })
      .where('id', '=', id)
      .execute()
    await ctx.queue.send(fanoutJobType, { alertId: id }, { trx, singletonKey: id })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: row.status === 'pending_approval' ? 'alert.approved' : 'alert.sent',
      subjectType: 'alert',
      subjectId: id,
      ip: ip ?? null,
      details: { severity: row.severity, reach: row.reach_people },
    })
  })
  return getAlert(ctx, principal, id)
}

/**
 * Writes the recipients and their deliveries in one transaction, then marks the alert sent. Run
 * again after a crash, it finds the alert still `sending` (nothing was committed) and starts over;
 * run twice at once, the second waits on the row lock and then finds it sent.
 */
export async function fanOut(ctx: AppContext, alertId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findAlertRow(trx, alertId, { lock: true })
    if (row?.status !== 'sending') return
    const earlier = (await threadOf(trx, row))
      .filter((t) => t.id !== alertId && (t.status === 'sent' || t.status === 'cancelled'))
      .map((t) => t.id)
    const window = alertWindow(new Date(row.effective_at), row.expires_at ? new Date(row.expires_at) : null)
    const recipients = await insertRecipients(trx, alertId, window, earlier)
    const cap = row.cap as CapAlert
    const text = messageText(cap, row.safety_check)
    const sent = await notify(
      ctx,
      trx,
      {
        kind: 'alert',
        about: { type: 'alert', id: alertId },
        title: text.title,
        body: text.body,
        link: `/alerts/${alertId}`,
        emergency: true,
        ...(row.safety_check ? { actions: SAFETY_ACTIONS, actionUrl: ANSWER_URL } : {}),
      },
      sql<{ user_id: string }>`select r.user_id from alert_recipients r where r.alert_id = ${alertId}`,
    )
    await trx
      .updateTable('alerts')
      .set({ status: 'sent', message_id: sent.messageId, recipients, sent_at: new Date() })
      .where('id', '=', alertId)
      .execute()
    if (row.msg_type === 'Cancel' && earlier.length)
      await trx.updateTable('alerts').set({ status: 'cancelled' }).where('id', 'in', earlier).execute()
  })
}

export function fanoutJob(ctx: AppContext) {
  return defineJob({
    ...fanoutJobType,
    retryLimit: 10,
    retryDelaySeconds: 5,
    expireInSeconds: 900,
    handle: ({ alertId }) => fanOut(ctx, alertId),
    async resume() {
      const stuck = await ctx.db.selectFrom('alerts').select('id').where('status', '=', 'sending').execute()
      for (const { id } of stuck) await ctx.queue.send(fanoutJobType, { alertId: id })
    },
  })
}
