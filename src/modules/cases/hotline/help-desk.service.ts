import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { scopeOf } from '../access.ts'
import { casesError } from '../cases.errors.ts'
import type { ContactRow } from '../cases.table.ts'
import { findContactRow } from './contact.repository.ts'
import { presentContact } from './contact.view.ts'
import { markAcknowledged, markClaimed } from './help.repository.ts'
import { checkHelpMove, helpStatusOf } from './help-status.ts'

/** The SOS the caller may see (the hotline’s scoping: an officer’s missions). */
async function helpInScope(trx: Db, principal: Principal, id: string): Promise<ContactRow> {
  const row = await findContactRow(trx, id, scopeOf(principal))
  if (!row) throw casesError('contact.not_found', 'No such contact')
  if (row.kind !== 'help_request' || !row.reference)
    throw casesError('contact.not_help_request', 'Only a help request (SOS) is acknowledged or claimed')
  return row
}

/**
 * "Seen": the sender's status turns `acknowledged`. Acknowledging one that someone already saw, or
 * that a case was opened from, changes nothing; a cancelled one cannot be.
 */
export async function acknowledgeHelp(ctx: AppContext, principal: Principal, id: string, ip: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await helpInScope(trx, principal, id)
    const status = helpStatusOf(row)
    if (status === 'received' || status === 'cancelled') checkHelpMove(status, 'acknowledged')
    if (!row.acknowledged_at) await markAcknowledged(trx, id, principal.userId, new Date())
    // Every call answers with the person's details: each is audited, a repeat too.
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'help.acknowledge',
      subjectType: 'contact',
      subjectId: id,
      ip,
      details: { first: !row.acknowledged_at },
    })
    return presentContact(trx, scopeOf(principal), id)
  })
}

/**
 * "Assign to me": the caller works it (and has seen it). Taken by someone else → 409
 * `contact.claimed`; a cancelled or closed request is nobody's to take.
 */
export async function claimHelp(ctx: AppContext, principal: Principal, id: string, ip: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await helpInScope(trx, principal, id)
    const status = helpStatusOf(row)
    if (status === 'cancelled' || status === 'closed')
      throw casesError('help.bad_transition', `This request is ${status}: nobody takes it now`, {
        from: status,
        to: 'claimed',
      })
    const at = new Date()
    if (!(await markClaimed(trx, id, principal.userId, at)))
      throw casesError('contact.claimed', 'Someone else has taken this request', {
        claimedBy: row.claimed_by,
      })
    if (!row.acknowledged_at) await markAcknowledged(trx, id, principal.userId, at)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'help.claim',
      subjectType: 'contact',
      subjectId: id,
      ip,
      details: { first: row.claimed_by !== principal.userId },
    })
    return presentContact(trx, scopeOf(principal), id)
  })
}
