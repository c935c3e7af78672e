import type { ColumnType, Generated, Selectable } from 'kysely'
import type { CaseStatus } from './case/case-status.ts'
import type { Answers, CaseType, Priority } from './case/case-types.ts'
import type { SlaKind } from './case/sla.ts'
import type { Channel } from './hotline/contact.schema.ts'
import type { CancelReason } from './hotline/help.enums.ts'

/** PostGIS columns are written through SQL expressions and read back with ST_X/ST_Y. */
type Geometry = ColumnType<unknown, unknown, unknown>
type Json<T> = ColumnType<T, string | undefined, string>

/** A point as the repositories read it (ST_Y, ST_X) in place of its PostGIS column. */
export interface LatLonColumns {
  lat: number | null
  lon: number | null
}

export interface CasesTable {
  id: string
  reference: string
  type: CaseType
  status: Generated<CaseStatus>
  priority: Priority
  summary: string
  country: string | null
  location: Geometry | null
  mission_code: string | null
  assignee_id: string | null
  need_to_know: Generated<boolean>
  answers: Json<Answers>
  created_by: string | null
  created_at: Date
  updated_at: Date
  first_response_at: Date | null
  first_response_due: Date
  last_update_at: Date | null
  update_due: Date | null
  sla_breach_kind: SlaKind | null
  sla_breach_at: Date | null
  sla_misses: Generated<number>
  next_visit_due: Date | null
  rescued: number | null
  resolved_at: Date | null
  closed_at: Date | null
  /** An enterprise site the case was opened from (a headcount's missing person, a severe incident). */
  site_id: Generated<string | null>
  enterprise_id: Generated<string | null>
}

export interface CasePeopleTable {
  id: string
  case_id: string
  person_id: string | null
  phone: string | null
}

export interface CaseTeamTable {
  case_id: string
  user_id: string
  added_by: string | null
  added_at: Generated<Date>
}

export interface CaseEventsTable {
  id: string
  case_id: string
  kind: string
  at: Date
  recorded_at: Generated<Date>
  actor_id: string | null
  note: string | null
  details: Json<Record<string, unknown>>
}

export interface CaseSlaBreachesTable {
  case_id: string
  kind: SlaKind
  due: Date
  breached_at: Generated<Date>
}

export interface CaseDetentionsTable {
  case_id: string
  arrested_at: Date
  authority_notified_at: Date | null
  facility: string
  charges: string
  lawyer: string | null
  trial_dates: Json<string[]>
  updated_at: Generated<Date>
  updated_by: string | null
}

export interface CaseAttachmentsTable {
  id: string
  case_id: string
  sha256: string
  size: number
  media_type: string
  file_name: string
  uploaded_by: string | null
  uploaded_at: Date
  deleted_at: Date | null
  deleted_by: string | null
  deleted_reason: string | null
}

export type ContactKind = 'contact' | 'help_request'
/** Where a contact's point comes from: given by the caller, or the person's place in the registry. */
export type LocationSource = 'given' | 'registry'

export interface ContactsTable {
  id: string
  received_at: Date
  kind: Generated<ContactKind>
  channel: Channel
  priority: Priority | null
  caller_phone: string | null
  caller_name: string | null
  person_id: string | null
  summary: string
  location: Geometry | null
  location_source: LocationSource | null
  country: string | null
  mission_code: string | null
  case_id: string | null
  taken_by: string | null
  /** Help requests only (SOS-XXXXXX): what the citizen quotes on the phone. */
  reference: string | null
  callback_phone: string | null
  acknowledged_at: Date | null
  acknowledged_by: string | null
  claimed_at: Date | null
  claimed_by: string | null
  cancelled_at: Date | null
  cancel_reason: CancelReason | null
  location_updated_at: Date | null
}

export interface CaseTables {
  cases: CasesTable
  case_people: CasePeopleTable
  case_team: CaseTeamTable
  case_events: CaseEventsTable
  case_sla_breaches: CaseSlaBreachesTable
  case_detentions: CaseDetentionsTable
  case_attachments: CaseAttachmentsTable
  contacts: ContactsTable
}

/** A case as the repositories read it: every column, the point as lat/lon. */
export type CaseRow = Omit<Selectable<CasesTable>, 'location'> & LatLonColumns
export type CasePersonRow = Selectable<CasePeopleTable>
export type CaseEventRow = Selectable<CaseEventsTable>
export type DetentionRow = Selectable<CaseDetentionsTable>
export type AttachmentRow = Selectable<CaseAttachmentsTable>
/** A contact as the repositories read it: every column, the point as lat/lon. */
export type ContactRow = Omit<Selectable<ContactsTable>, 'location'> &
  LatLonColumns & {
    /** The linked case's reference and status, read with the contact (null when unlinked). */
    case_reference: string | null
    case_status: CaseStatus | null
  }
