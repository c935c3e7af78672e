import type { Role } from '../../../src/modules/identity/index.ts'

/**
 * The groups of roles the matrix names, written out by hand (not imported from `ACCESS`): a role
 * added later shows up as a disagreement until someone decides here what it may do.
 */
export const ANY_ROLE: readonly Role[] = [
  'citizen',
  'enterprise',
  'operator',
  'officer',
  'duty_officer',
  'admin',
  'clinician',
]
export const CITIZENS: readonly Role[] = ['citizen']
export const REGISTERED: readonly Role[] = ['citizen', 'enterprise']
export const HOTLINE: readonly Role[] = ['operator', 'officer', 'duty_officer']
export const OFFICERS: readonly Role[] = ['officer', 'duty_officer']
export const DUTY: readonly Role[] = ['duty_officer']
export const ADMINS: readonly Role[] = ['admin']
export const WEBHOOK_OWNERS: readonly Role[] = ['enterprise', 'admin']
/** A mission's own officers (the service scopes them) and the administrators: its contact fields. */
export const MISSION_EDITORS: readonly Role[] = ['officer', 'admin']
