import { ROLES, type Role } from '../../src/modules/identity/index.ts'

/**
 * The callers of the contract tests: one principal per role, two citizens (A in Tokyo, B in Paris)
 * and two officers (Tokyo, Paris), so that "someone else's id" and "another mission's id" exist.
 */
export const PRINCIPALS = {
  anonymous: [],
  citizenA: ['citizen'],
  citizenB: ['citizen'],
  enterprise: ['enterprise'],
  operator: ['operator'],
  officerTokyo: ['officer'],
  officerParis: ['officer'],
  duty: ['duty_officer'],
  admin: ['admin'],
  clinicianTokyo: ['clinician'],
} as const satisfies Record<string, readonly Role[]>

export type Who = keyof typeof PRINCIPALS
export type SignedIn = Exclude<Who, 'anonymous'>

export const EVERYONE = Object.keys(PRINCIPALS) as Who[]

/** Whose responses must never show a Tokyo person: they may not read them. */
export const OUT_OF_TOKYO: readonly Who[] = ['officerParis', 'citizenB', 'enterprise']

/** Roles of `ROLES` that no principal holds: a role added later must get one here. */
export function rolesWithoutPrincipal(): Role[] {
  const held = new Set<string>(Object.values(PRINCIPALS).flat())
  return ROLES.filter((role) => !held.has(role))
}

export function rolesOf(who: Who): readonly Role[] {
  return PRINCIPALS[who]
}
