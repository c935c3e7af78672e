import type { ColumnType, Generated, Selectable } from 'kysely'
import type { EnterpriseStatus, IncidentKind, MemberRole, SiteKind } from './enterprises.enums.ts'

/** PostGIS columns are written through SQL expressions. */
type Geometry = ColumnType<unknown, unknown, unknown>
type Json<T> = ColumnType<T, string, string>

export interface SecurityMeasures {
  guards?: boolean
  perimeter?: boolean
  safeRoom?: boolean
  medical?: boolean
  evacuationPlan?: boolean
  notes?: string
}

export interface EnterprisesTable {
  id: string
  name: string
  name_zh: string
  credit_code: string
  province: string
  industry: string
  contact_name: string | null
  contact_phone: string | null
  contact_email: string | null
  status: Generated<EnterpriseStatus>
  created_by: string | null
  created_at: Generated<Date>
  verified_by: string | null
  verified_at: Date | null
}

export interface EnterpriseMembersTable {
  enterprise_id: string
  user_id: string
  role: MemberRole
  added_at: Generated<Date>
}

export interface EnterpriseSitesTable {
  id: string
  enterprise_id: string
  name: string
  kind: SiteKind
  country: string
  location: Geometry
  area: Geometry | null
  staff_chinese: number
  staff_local: number
  staff_other: number
  officer_name: string
  officer_phone: string
  officer_email: string
  measures: Json<SecurityMeasures>
  plan_sha256: string | null
  plan_size: number | null
  plan_name: string | null
  plan_uploaded_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface EnterpriseAssessmentsTable {
  id: string
  enterprise_id: string
  answers: Json<Record<string, number>>
  score: number
  sections: Json<{ code: string; score: number }[]>
  gaps: Json<unknown[]>
  /** Each site's advisory level (the higher of country and region) when the assessment was made. */
  site_levels: ColumnType<Record<string, number>, string | undefined, string>
  submitted_by: string | null
  submitted_at: Generated<Date>
}

export interface EnterpriseIncidentsTable {
  id: string
  enterprise_id: string
  site_id: string
  kind: IncidentKind
  summary: string
  contact_id: string
  case_id: string | null
  reported_by: string | null
  reported_at: Generated<Date>
}

export interface EnterpriseStaffTable {
  id: string
  enterprise_id: string
  site_id: string
  name: string
  phone: string
  passport_sealed: string | null
  passport_digest: string | null
  passport_last4: string | null
  /** The registered citizen with this phone number, when there is one. */
  user_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface EnterpriseTrainingsTable {
  id: string
  staff_id: string
  course: string
  taken_on: ColumnType<string, string, string>
  valid_until: ColumnType<string, string, string>
  created_at: Generated<Date>
}

/** A draft has no version; publishing gives it the next one. */
export interface EnterpriseGuidanceTable {
  id: string
  country: string
  version: number | null
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  drafted_by: string | null
  drafted_at: Generated<Date>
  published_by: string | null
  published_at: Date | null
}

export interface EnterpriseRemindersTable {
  enterprise_id: string
  key: string
  sent_at: Generated<Date>
}

export type EnterpriseRow = Selectable<EnterprisesTable>

export interface EnterpriseTables {
  enterprises: EnterprisesTable
  enterprise_members: EnterpriseMembersTable
  enterprise_sites: EnterpriseSitesTable
  enterprise_assessments: EnterpriseAssessmentsTable
  enterprise_incidents: EnterpriseIncidentsTable
  enterprise_staff: EnterpriseStaffTable
  enterprise_trainings: EnterpriseTrainingsTable
  enterprise_guidance: EnterpriseGuidanceTable
  enterprise_reminders: EnterpriseRemindersTable
}
