import type { ColumnType, Generated, Selectable } from 'kysely'
import type { AlertOrigin, AlertStatus, AnswerVia, FeedPollKind, SafetyAnswer } from './alert.schema.ts'
import type { CapAlert, CapMsgType, CapScope, CapSeverity, CapStatus } from './cap/cap.model.ts'

type Geometry = ColumnType<unknown, unknown, unknown>
/** jsonb: read back parsed, written as JSON text. */
type Json<T> = ColumnType<T, string, string>
type CodeArray = ColumnType<string[], string[], string[]>

export interface AlertsTable {
  id: string
  identifier: string
  sender: string
  sent: Date
  cap_status: CapStatus
  msg_type: CapMsgType
  scope: CapScope
  status: AlertStatus
  origin: AlertOrigin
  cap: Json<CapAlert>
  safety_check: boolean
  event: string
  severity: CapSeverity
  headline: string
  effective_at: Date
  expires_at: Date | null
  area: Geometry | null
  geocode_countries: CodeArray
  countries: CodeArray
  unplaced: Json<string[]>
  reach_people: number | null
  reach_trips: number | null
  reach_subscribers: number | null
  /** Verified enterprises' sites whose point or area lies in the alert's area. */
  reach_sites: number | null
  reach_counted_at: Date | null
  original_id: string | null
  message_id: string | null
  recipients: number | null
  created_by: string | null
  created_at: Generated<Date>
  submitted_by: string | null
  approved_by: string | null
  sent_by: string | null
  sent_at: Date | null
}

export interface AlertReferencesTable {
  alert_id: string
  sender: string
  identifier: string
  sent: Date
}

/** One row per person an alert reached, with their current answer to the safety check. */
export interface AlertRecipientsTable {
  alert_id: string
  user_id: string
  placed: boolean
  answer: SafetyAnswer | null
  answered_at: Date | null
  answered_via: AnswerVia | null
  contact_id: string | null
}

/** Every answer a recipient gave, in order; the current one is on `alert_recipients`. */
export interface AlertAnswersTable {
  id: string
  alert_id: string
  user_id: string
  answer: SafetyAnswer
  via: AnswerVia
  answered_at: Date
  /** The member of staff who recorded an answer the hotline took on the phone. */
  recorded_by: string | null
}

/** An enterprise site the alert reached (written by the fan-out). */
export interface AlertSitesTable {
  alert_id: string
  site_id: string
  enterprise_id: string
}

/** A site's latest headcount for an alert: a later report replaces the earlier one. */
export interface AlertHeadcountsTable {
  alert_id: string
  site_id: string
  total: number
  safe: number
  injured: number
  missing: number
  reported_by: string | null
  reported_at: Date
  /** The missing_person case the report opened. */
  case_id: string | null
}

export interface AlertFeedPollsTable {
  url: string
  kind: FeedPollKind
  last_polled_at: Date
  last_ok_at: Date | null
  last_error: string | null
  created: Generated<number>
  held: Generated<number>
  skipped: Generated<number>
}

export type AlertRecord = Selectable<AlertsTable>
export type AlertReferenceRow = Selectable<AlertReferencesTable>
export type AlertRecipientRow = Selectable<AlertRecipientsTable>
export type AlertAnswerRow = Selectable<AlertAnswersTable>
export type AlertFeedPollRow = Selectable<AlertFeedPollsTable>

export interface AlertTables {
  alert_feed_polls: AlertFeedPollsTable
  alerts: AlertsTable
  alert_references: AlertReferencesTable
  alert_recipients: AlertRecipientsTable
  alert_answers: AlertAnswersTable
  alert_sites: AlertSitesTable
  alert_headcounts: AlertHeadcountsTable
}
