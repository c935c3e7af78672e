/**
 * A crisis's statuses, a person's statuses in it and the kinds of evacuation leg, apart from the
 * schemas (crisis.schema.ts re-exports them): this file imports nothing, so the web app bundles
 * the lists without zod.
 */
export const PERSON_STATUSES = [
  'unaccounted',
  'safe',
  'needs_help',
  'wants_to_leave',
  'checked_in',
  'boarded',
  'left_area',
] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

export const LEG_MODES = ['bus', 'flight', 'ship', 'train'] as const
export type LegMode = (typeof LEG_MODES)[number]

export const CRISIS_STATUSES = ['active', 'closed'] as const
export type CrisisStatus = (typeof CRISIS_STATUSES)[number]
