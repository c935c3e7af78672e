import type { ColumnType, Generated, Selectable } from 'kysely'
import type { AppointmentStatus, TicketStatus } from './appointments.enums.ts'

/** One opening of a weekday: 1 = Monday … 7 = Sunday, local "HH:MM". */
export interface WeeklyHours {
  day: number
  opens: string
  closes: string
}

export interface AppointmentCalendarsTable {
  mission_code: string
  location: string
  timezone: string
  weekly: ColumnType<WeeklyHours[], string, string>
  closed_dates: ColumnType<string[], string[] | undefined, string[]>
  horizon_days: number
  min_notice_hours: number
  buffer_minutes: Generated<number>
  updated_by: string | null
  updated_at: Generated<Date>
}

export interface AppointmentCalendarServicesTable {
  mission_code: string
  location: string
  service: string
  slot_minutes: number
  capacity: number
}

export interface AppointmentSlotsTable {
  id: string
  mission_code: string
  location: string
  service: string
  starts_at: Date
  ends_at: Date
  capacity: number
  booked: Generated<number>
  held: Generated<number>
}

export interface AppointmentsTable {
  id: string
  code: string
  user_id: string
  slot_id: string
  mission_code: string
  location: string
  service: string
  starts_at: Date
  ends_at: Date
  status: AppointmentStatus
  holder_name: string
  passport_digest: string
  passport_last4: string
  application_id: string | null
  waitlist_id: string | null
  hold_expires_at: Date | null
  ticket: string | null
  counter: number | null
  calls: Generated<number>
  checked_in_at: Date | null
  called_at: Date | null
  served_at: Date | null
  done_at: Date | null
  cancelled_at: Date | null
  /** When the 24-hour reminder went out (null: not yet, or the booking moved since). */
  reminded_at: Generated<Date | null>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface AppointmentWaitlistTable {
  id: string
  user_id: string
  mission_code: string
  location: string
  service: string
  from_date: string
  to_date: string
  holder_name: string
  passport_digest: string
  passport_last4: string
  status: 'waiting' | 'offered' | 'booked' | 'cancelled' | 'expired'
  created_at: Generated<Date>
}

export interface AppointmentChallengesTable {
  signature: string
  expires_at: Date
}

export interface AppointmentTicketsTable {
  id: string
  mission_code: string
  location: string
  local_date: string
  ticket: string
  appointment_id: string | null
  status: TicketStatus
  counter: number | null
  calls: Generated<number>
  checked_in_at: Generated<Date>
  called_at: Date | null
  served_at: Date | null
  done_at: Date | null
}

export interface AppointmentTicketNumbersTable {
  mission_code: string
  location: string
  local_date: string
  prefix: string
  last: number
}

export interface AppointmentSuspensionLiftsTable {
  id: string
  passport_digest: string
  lifted_by: string
  lifted_at: Generated<Date>
}

export interface AppointmentTables {
  appointment_calendars: AppointmentCalendarsTable
  appointment_calendar_services: AppointmentCalendarServicesTable
  appointment_slots: AppointmentSlotsTable
  appointments: AppointmentsTable
  appointment_waitlist: AppointmentWaitlistTable
  appointment_challenges: AppointmentChallengesTable
  appointment_tickets: AppointmentTicketsTable
  appointment_ticket_numbers: AppointmentTicketNumbersTable
  appointment_suspension_lifts: AppointmentSuspensionLiftsTable
}

export type CalendarRow = Selectable<AppointmentCalendarsTable>
export type CalendarServiceRow = Selectable<AppointmentCalendarServicesTable>
export type SlotRow = Selectable<AppointmentSlotsTable>
export type AppointmentRow = Selectable<AppointmentsTable>
export type WaitlistRow = Selectable<AppointmentWaitlistTable>
export type TicketRow = Selectable<AppointmentTicketsTable>
