import type { CaseStatus } from '../case/case-status.ts'
import { casesError } from '../cases.errors.ts'
import { type HelpStatus, OPEN_HELP_STATUSES } from './help.enums.ts'

/** What an SOS's status is derived from: its own marks and the case opened from it. */
export interface HelpFacts {
  readonly cancelled_at: Date | null
  readonly acknowledged_at: Date | null
  readonly case_id: string | null
  readonly case_status: CaseStatus | null
}

/**
 * The status the sender sees. Stored as facts, not as a column, so it cannot drift from the case:
 * a cancellation stands whatever happens next; a linked case is `case_opened` until it is resolved
 * or closed (and again if it is reopened); otherwise whether an operator has seen it.
 */
export function helpStatusOf(f: HelpFacts): HelpStatus {
  if (f.cancelled_at) return 'cancelled'
  if (f.case_id) return f.case_status === 'resolved' || f.case_status === 'closed' ? 'closed' : 'case_opened'
  return f.acknowledged_at ? 'acknowledged' : 'received'
}

/**
 * Every move a person (sender or operator) may make; anything else is `409 help.bad_transition`.
 * `case_opened` and `closed` follow from the case (opening one from the request, its status).
 */
export const HELP_TRANSITIONS: Record<HelpStatus, readonly HelpStatus[]> = {
  received: ['acknowledged', 'case_opened', 'cancelled'],
  acknowledged: ['case_opened', 'cancelled'],
  case_opened: ['closed', 'cancelled'],
  closed: ['case_opened'],
  cancelled: [],
}

/** Refuses a move the table does not hold. */
export function checkHelpMove(from: HelpStatus, to: HelpStatus): void {
  if (!HELP_TRANSITIONS[from].includes(to))
    throw casesError('help.bad_transition', `This request is ${from}: it cannot become ${to}`, { from, to })
}

export const isHelpOpen = (s: HelpStatus) => OPEN_HELP_STATUSES.includes(s)
