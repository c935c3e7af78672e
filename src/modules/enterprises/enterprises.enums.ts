/** The value lists of the enterprises module: the web app imports them through `@server`. */

export const INDUSTRIES = [
  'construction',
  'energy',
  'mining',
  'manufacturing',
  'transport',
  'trade',
  'finance',
  'telecom',
  'agriculture',
  'services',
  'other',
] as const
export type Industry = (typeof INDUSTRIES)[number]

export const ENTERPRISE_STATUSES = ['pending', 'verified'] as const
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number]

/** An enterprise administrator manages members and everything else; a security officer sites, assessments, reports. */
export const MEMBER_ROLES = ['admin', 'security_officer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const SITE_KINDS = [
  'construction_site',
  'factory',
  'mine',
  'office',
  'port',
  'camp',
  'farm',
  'other',
] as const
export type SiteKind = (typeof SITE_KINDS)[number]

export const INCIDENT_KINDS = [
  'attack',
  'kidnapping',
  'robbery',
  'unrest',
  'accident',
  'strike',
  'other',
] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

/** Incidents that also open a protection case (with the case type they open). */
export const SEVERE_INCIDENTS: Partial<Record<IncidentKind, 'kidnapping' | 'assault' | 'disaster'>> = {
  kidnapping: 'kidnapping',
  attack: 'assault',
  unrest: 'disaster',
}

/** The provinces of China as ISO 3166-2 codes (headquarters). */
export const PROVINCES = [
  'CN-AH',
  'CN-BJ',
  'CN-CQ',
  'CN-FJ',
  'CN-GD',
  'CN-GS',
  'CN-GX',
  'CN-GZ',
  'CN-HA',
  'CN-HB',
  'CN-HE',
  'CN-HI',
  'CN-HK',
  'CN-HL',
  'CN-HN',
  'CN-JL',
  'CN-JS',
  'CN-JX',
  'CN-LN',
  'CN-MO',
  'CN-NM',
  'CN-NX',
  'CN-QH',
  'CN-SC',
  'CN-SD',
  'CN-SH',
  'CN-SN',
  'CN-SX',
  'CN-TJ',
  'CN-TW',
  'CN-XJ',
  'CN-XZ',
  'CN-YN',
  'CN-ZJ',
] as const

/** An answer to a self-assessment question: 0 not in place … 3 fully in place. */
export const ANSWER_VALUES = [0, 1, 2, 3] as const
