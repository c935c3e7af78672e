/** The value lists of the appointments module: the web app imports them through `@server`. */
import { SERVICE_CODES } from '../applications/applications.enums.ts'

/** What can be booked: the applications catalogue's services, and vaccination (the health module's). */
export const APPOINTMENT_SERVICES = [...SERVICE_CODES, 'vaccination'] as const
export type AppointmentService = (typeof APPOINTMENT_SERVICES)[number]

/**
 * A booking's life: `held` (offered to the first on the waitlist), `booked`, then at the counter
 * `checked_in` → `called` → `serving` → `done`, or `missed` (called three times, or past the grace
 * period); `no_show` when the day passed without a check-in; `cancelled`; `lapsed` (a hold not confirmed).
 */
export const APPOINTMENT_STATUSES = [
  'held',
  'booked',
  'checked_in',
  'called',
  'serving',
  'done',
  'missed',
  'no_show',
  'cancelled',
  'lapsed',
] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

/** Statuses that count as an active booking (one per person and service). */
export const ACTIVE_STATUSES = ['held', 'booked', 'checked_in', 'called', 'serving'] as const

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'missed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/** What a counter clerk does to a called ticket. */
export const TICKET_ACTIONS = ['recall', 'serve', 'done', 'miss'] as const
export type TicketAction = (typeof TICKET_ACTIONS)[number]

/** The main counter hall: the location when none is named. */
export const MAIN_LOCATION = 'main'
