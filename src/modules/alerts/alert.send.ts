import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { needsApproval } from './alert.derive.ts'
import { findAlertRow, moveAlert } from './alert.repository.ts'
import type { AlertDetail } from './alert.schema.ts'
import { getAlert, isDuty } from './alert.service.ts'
import { alertError } from './alerts.errors.ts'
import { fanoutJobType } from './fanout.job.ts'

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
      throw alertError('alert.already_sent', `The alert is ${row.status}`, { alertStatus: row.status })
    if (row.status === 'expired' || (row.expires_at && new Date(row.expires_at).getTime() <= Date.now())) {
      if (row.status !== 'expired') await moveAlert(trx, id, row.status, 'expired')
      throw alertError('alert.expired', 'The alert is past its expiry time and is never sent')
    }
    if (row.msg_type === 'Ack' || row.msg_type === 'Error')
      throw alertError('alert.not_sendable', `${row.msg_type} messages are kept, not sent to people`)
    if (row.cap_status !== 'Actual')
      throw alertError('alert.not_actual', `Only Actual alerts reach people; this one is ${row.cap_status}`)
    if (!duty && needsApproval(row.severity)) {
      if (row.status === 'pending_approval')
        throw alertError('alert.approval_required', 'A duty officer must approve this alert')
      await moveAlert(trx, id, row.status, 'pending_approval', { submitted_by: principal.userId })
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
    await moveAlert(trx, id, row.status, 'sending', {
      sent_by: principal.userId,
      approved_by: row.status === 'pending_approval' ? principal.userId : null,
    })
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
