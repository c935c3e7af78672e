export const ROLES = ['citizen', 'enterprise', 'operator', 'officer', 'duty_officer', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Route access for anyone signed in, whatever their role (their own data, their inbox). */
export const SIGNED_IN = { roles: ROLES }

export const STAFF_ROLES: readonly Role[] = ['operator', 'officer', 'duty_officer', 'admin']

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))
}
