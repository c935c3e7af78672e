import type { Role } from '@server/identity/role.ts'

export type Section =
  | 'dashboard'
  | 'hotline'
  | 'cases'
  | 'people'
  | 'advisories'
  | 'alerts'
  | 'services'
  | 'crises'
  | 'users'
  | 'missions'
  | 'audit'
  | 'outbox'
  | 'vaccination'
  | 'enterprises'
  | 'sites'
  | 'catalogue'
  | 'appointments'
  | 'healthSites'
  | 'sprout'

/** What each staff role works with, in the order it appears in the side bar. */
const BY_ROLE: Partial<Record<Role, Section[]>> = {
  operator: ['hotline', 'cases', 'alerts'],
  officer: ['cases', 'people', 'advisories', 'alerts', 'services', 'missions', 'appointments', 'sites'],
  duty_officer: [
    'dashboard',
    'alerts',
    'advisories',
    'people',
    'hotline',
    'cases',
    'crises',
    'services',
    'enterprises',
    'sites',
    'sprout',
  ],
  admin: [
    'users',
    'missions',
    'healthSites',
    'catalogue',
    'audit',
    'outbox',
    'enterprises',
    'appointments',
    'sprout',
  ],
  clinician: ['vaccination'],
}

/** Sections built so far; the rest show an honest "not available yet" page. */
export const BUILT: ReadonlySet<Section> = new Set([
  'users',
  'missions',
  'audit',
  'outbox',
  'advisories',
  'people',
  'hotline',
  'cases',
  'dashboard',
  'crises',
  'alerts',
  'services',
  'vaccination',
  'enterprises',
  'sites',
  'catalogue',
  'appointments',
  'healthSites',
  'sprout',
])

export function sectionsFor(roles: readonly Role[]): Section[] {
  const seen = new Set<Section>()
  for (const role of roles) for (const s of BY_ROLE[role] ?? []) seen.add(s)
  return [...seen]
}
