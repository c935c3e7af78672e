import type { Transaction, Updateable } from 'kysely'
import type { AppContext } from '../../../context.ts'
import type { Database } from '../../../database.ts'
import type { CaseRow, CasesTable } from '../cases.table.ts'
import { updateCase } from './case-event.repository.ts'
import { isOpen } from './case-status.ts'
import { scheduleSla } from './sla.job.ts'
import { dueAfter } from './sla.ts'

/**
 * Every staff action on a case after its creation is a response: the first one meets the
 * first-response target, each one restarts the update timer (none once resolved or closed)
 * and clears a standing SLA flag. Written with the action's own changes in one UPDATE.
 */
export async function recordResponse(
  ctx: AppContext,
  trx: Transaction<Database>,
  c: CaseRow,
  now: Date,
  changes: Updateable<CasesTable> = {},
): Promise<void> {
  const status = changes.status ?? c.status
  const priority = changes.priority ?? c.priority
  const updateDue = isOpen(status) ? dueAfter(now, priority, 'update') : null
  await updateCase(trx, c.id, {
    ...changes,
    first_response_at: c.first_response_at ?? now,
    last_update_at: now,
    update_due: updateDue,
    updated_at: now,
    sla_breach_kind: null,
    sla_breach_at: null,
  })
  if (updateDue) await scheduleSla(ctx, trx, c.id, 'update', updateDue)
}
