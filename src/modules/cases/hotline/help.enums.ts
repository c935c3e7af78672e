/**
 * An SOS as its sender sees it, apart from the schemas: this file imports nothing, so the web app
 * bundles the lists without zod. The moves between statuses are in help-status.ts.
 */
export const HELP_STATUSES = ['received', 'acknowledged', 'case_opened', 'closed', 'cancelled'] as const
export type HelpStatus = (typeof HELP_STATUSES)[number]

/** Why the sender called it off. */
export const CANCEL_REASONS = ['false_alarm', 'safe_now'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

/** Statuses in which the request is still open: the location may be shared again, it may be cancelled. */
export const OPEN_HELP_STATUSES: readonly HelpStatus[] = ['received', 'acknowledged', 'case_opened']
