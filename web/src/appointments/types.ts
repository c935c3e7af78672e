// The shapes of the appointments API as the web app reads them. They mirror the server module's
// schemas (src/modules/appointments/*.schema.ts on branch appt-server), which were not committed
// yet when these screens were written; once merged these become `import type` of them.

/** 1 = Monday … 7 = Sunday, as the contract numbers them. */
export type Weekday = number

export interface CalendarService {
  service: string
  slotMinutes: number
  capacity: number
}

export interface WeeklyHours {
  day: Weekday
  opens: string
  closes: string
}

/** PUT /api/v1/missions/{code}/calendar */
export interface CalendarBody {
  timezone: string
  services: CalendarService[]
  weekly: WeeklyHours[]
  closedDates: string[]
  horizonDays: number
  minNoticeHours: number
  bufferMinutes?: number
}

/** GET /api/v1/missions/{code}/calendar */
export interface Calendar extends CalendarBody {
  mission: string
  location: string
  bufferMinutes: number
}

/** GET /api/v1/missions/{code}/slots: ISO 8601 with the mission's offset. */
export interface Slot {
  start: string
  end: string
  capacity: number
  available: number
}

/** The v1 (SHA-256) challenge altcha-lib creates. */
export interface AltchaChallenge {
  algorithm: string
  challenge: string
  maxnumber: number
  salt: string
  signature: string
}

export type AppointmentStatus =
  | 'held'
  | 'booked'
  | 'checked_in'
  | 'called'
  | 'serving'
  | 'done'
  | 'missed'
  | 'no_show'
  | 'cancelled'
  | 'lapsed'

/** A booking as its holder sees it; ticket once checked in, counter once called. */
export interface Appointment {
  id: string
  status: AppointmentStatus
  start: string
  end: string
  mission: string
  location: string
  service: string
  code: string
  name: string
  applicationId: string | null
  holdExpiresAt: string | null
  ticket: string | null
  counter: number | null
}

/** A row of GET /api/v1/missions/{code}/appointments?date= */
export interface StaffAppointment {
  id: string
  code: string
  status: AppointmentStatus
  service: string
  location: string
  start: string
  end: string
  name: string
  passportNumber: string
  applicationId: string | null
  ticket: string | null
  counter: number | null
}

export interface WaitlistEntry {
  id: string
  mission: string
  location: string
  service: string
  from: string
  to: string
  status: 'waiting' | 'offered' | 'booked' | 'cancelled' | 'expired'
}

export interface CalledTicket {
  ticket: string
  counter: number
  at: string
}

export interface PublicQueue {
  called: CalledTicket[]
  waiting: number
}

export interface QueueNext {
  ticket: string
  appointmentId?: string
}

export type TicketAction = 'recall' | 'serve' | 'done' | 'miss'
export interface TicketState {
  ticket: string
  status: 'waiting' | 'called' | 'serving' | 'done' | 'missed'
  counter: number | null
  calls: number
  appointmentId?: string
}

/** Services bookable at missions: the applications catalogue's, and vaccination. */
export const VACCINATION = 'vaccination'
