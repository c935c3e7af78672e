export const CASE_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_citizen',
  'waiting_authority',
  'resolved',
  'closed',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'new',
  'triaged',
  'in_progress',
  'waiting_citizen',
  'waiting_authority',
]

export interface Transition {
  readonly to: CaseStatus
  /** A reason must be given: closing a new case as a duplicate, reopening. */
  readonly reason: boolean
}

/** Every move a case's status may make; anything else is `409 case.bad_transition`. */
export const TRANSITIONS: Record<CaseStatus, readonly Transition[]> = {
  new: [
    { to: 'triaged', reason: false },
    { to: 'in_progress', reason: false },
    { to: 'closed', reason: true },
  ],
  triaged: [{ to: 'in_progress', reason: false }],
  in_progress: [
    { to: 'waiting_citizen', reason: false },
    { to: 'waiting_authority', reason: false },
    { to: 'resolved', reason: false },
  ],
  waiting_citizen: [
    { to: 'in_progress', reason: false },
    { to: 'resolved', reason: false },
  ],
  waiting_authority: [
    { to: 'in_progress', reason: false },
    { to: 'resolved', reason: false },
  ],
  resolved: [
    { to: 'closed', reason: false },
    { to: 'in_progress', reason: true },
  ],
  closed: [{ to: 'in_progress', reason: true }],
}

export function findTransition(from: CaseStatus, to: CaseStatus): Transition | undefined {
  return TRANSITIONS[from].find((t) => t.to === to)
}

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status)
}
