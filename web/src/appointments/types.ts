// The shapes of issue #10's contract, as the web app reads them. The server module
// (src/modules/appointments, branch appt-server) did not exist when these screens were written:
// once its *.schema.ts files land, these become `import type` + `z.infer` of them.

/** 1 = Monday … 7 = Sunday, as the contract numbers them. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

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

/** PUT /api/v1/missions/{code}/calendar (and what a GET of it is expected to return). */
export interface Calendar {
  timezone: string
  services: CalendarService[]
  weekly: WeeklyHours[]
  closedDates: string[]
  horizonDays: number
  minNoticeHours: number
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

export const APPOINTMENT_STATUSES = [
  'held',
  'booked',
  'checked_in',
  'called',
  'serving',
  'done',
  'missed',
  'cancelled',
] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number] | (string & {})

/** A booking as POST/GET /api/v1/me/appointments give it; ticket and counter once at the mission. */
export interface Appointment {
  id: string
  status: AppointmentStatus
  start: string
  end: string
  mission: string
  service: string
  code: string
  location?: string | null
  applicationId?: string | null
  ticket?: string | null
  counter?: number | null
  /** A waitlist hold: until when the citizen may confirm it. */
  holdUntil?: string | null
}

/** A staff row of GET /api/v1/missions/{code}/appointments?date= */
export interface StaffAppointment extends Appointment {
  name?: string
  passportNumber?: string
}

export interface WaitlistEntry {
  id: string
  mission: string
  service: string
  from: string
  to: string
  status?: string
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
  ticket: string | null
  appointmentId?: string | null
}

/** Services bookable at missions: the applications catalogue's, and vaccination. */
export const VACCINATION = 'vaccination'
