import type { ColumnType, Generated } from 'kysely'

type Geometry = ColumnType<unknown, unknown, unknown>
type Json<T> = ColumnType<T, string, string>

export type AlertStatus = 'draft' | 'pending_approval' | 'sending' | 'sent' | 'cancelled' | 'expired'
export type AlertOrigin = 'console' | 'api' | 'cap' | 'usgs' | 'gdacs'
export type SafetyAnswer = 'safe' | 'need_help' | 'not_in_area'
export type AnswerVia = 'app' | 'link' | 'push' | 'hotline'

export interface AlertsTable {
  id: string
  identifier: string
  sender: string
  sent: Date
  cap_status: string
  msg_type: string
  scope: string
  status: AlertStatus
  origin: AlertOrigin
  cap: Json<unknown>
  safety_check: boolean
  event: string
  severity: string
  headline: string
  effective_at: Date
  expires_at: Date | null
  area: Geometry | null
  geocode_countries: ColumnType<string[], string[], string[]>
  countries: ColumnType<string[], string[], string[]>
  unplaced: Json<string[]>
  reach_people: number | null
  reach_trips: number | null
  reach_subscribers: number | null
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

export interface AlertRecipientsTable {
  alert_id: string
  user_id: string
  placed: boolean
  answer: SafetyAnswer | null
  answered_at: Date | null
  answered_via: AnswerVia | null
  contact_id: string | null
}

export interface AlertFeedPollsTable {
  url: string
  kind: 'usgs' | 'gdacs' | 'cap'
  last_polled_at: Date
  last_ok_at: Date | null
  last_error: string | null
  created: Generated<number>
  held: Generated<number>
  skipped: Generated<number>
}

export interface AlertTables {
  alert_feed_polls: AlertFeedPollsTable
  alerts: AlertsTable
  alert_references: AlertReferencesTable
  alert_recipients: AlertRecipientsTable
}
