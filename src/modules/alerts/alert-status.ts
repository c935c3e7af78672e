import type { AlertStatus } from './alert.schema.ts'
import { alertError } from './alerts.errors.ts'

/**
 * Every move an alert's status may make; anything else is `409 alert.bad_transition`. An alert
 * is stored as `draft`, or as `expired` when it arrives already past its `expires`.
 */
export const TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  /** Sent at once, held for a duty officer (an officer's Severe or Extreme), or found expired when sent. */
  draft: ['sending', 'pending_approval', 'expired'],
  /** Approved by a duty officer, or found expired when approved. */
  pending_approval: ['sending', 'expired'],
  /** The fan-out job wrote its recipients and deliveries. */
  sending: ['sent'],
  /** A Cancel of its thread went out. */
  sent: ['cancelled'],
  cancelled: [],
  expired: [],
}

export function canMove(from: AlertStatus, to: AlertStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Checks a move before it is written; the repository calls this for every status write. */
export function checkMove(from: AlertStatus, to: AlertStatus): void {
  if (!canMove(from, to))
    throw alertError('alert.bad_transition', `An alert cannot move from ${from} to ${to}`, { from, to })
}
