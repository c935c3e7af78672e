import type { ApplicationStatus, StaffAction } from './applications.enums.ts'

/**
 * Every move an application's status may make, and nothing else: any other move is
 * `409 application.bad_transition`. Every status write goes through `checkMove`.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted'],
  submitted: ['accepted', 'returned', 'refused', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  accepted: ['approved', 'returned', 'refused'],
  approved: ['in_production'],
  in_production: ['ready'],
  ready: ['collected', 'posted'],
  refused: [],
  withdrawn: [],
  collected: [],
  posted: [],
}

/** The status each staff action moves to (`note` moves nothing). */
export const ACTION_TARGET: Readonly<Record<Exclude<StaffAction, 'note'>, ApplicationStatus>> = {
  accept: 'accepted',
  return: 'returned',
  approve: 'approved',
  refuse: 'refused',
  ready: 'ready',
  collect: 'collected',
  post: 'posted',
}

/** Moves that must say why: the citizen reads the reason. */
export const NEEDS_REASON: readonly ApplicationStatus[] = ['returned', 'refused']

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Statuses in which the citizen may still change the form and files. */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned']

/** Statuses that end an application. */
export const FINAL: readonly ApplicationStatus[] = ['refused', 'withdrawn', 'collected', 'posted']
