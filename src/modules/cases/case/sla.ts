import type { Priority } from './case-types.ts'

export type SlaKind = 'firstResponse' | 'update'

/**
 * Minutes to the first response by staff after a case opens, and between updates after
 * that. A ministry changes these here; jobs already queued keep the deadline they carry.
 */
export const SLA_TARGETS: Record<Priority, { firstResponse: number; update: number }> = {
  P1: { firstResponse: 15, update: 60 },
  P2: { firstResponse: 60, update: 4 * 60 },
  P3: { firstResponse: 4 * 60, update: 24 * 60 },
  P4: { firstResponse: 24 * 60, update: 72 * 60 },
}

export function dueAfter(from: Date, priority: Priority, kind: SlaKind): Date {
  return new Date(from.getTime() + SLA_TARGETS[priority][kind] * 60_000)
}
