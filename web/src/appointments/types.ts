// The appointments API's shapes, from the server module's schemas (types only; enums as values).
import type { Appointment, WaitlistEntry } from '@server/appointments/booking.schema.ts'
import type { Calendar, CalendarBody, Slot } from '@server/appointments/calendar.schema.ts'
import type { AppointmentChallenge } from '@server/appointments/challenge.ts'
import type {
  Called,
  nextResponse,
  publicQueue,
  StaffAppointment,
  ticketState,
} from '@server/appointments/queue.schema.ts'
import type { z } from 'zod'

export type { AppointmentStatus, TicketAction } from '@server/appointments/appointments.enums.ts'
export type { Appointment, Calendar, CalendarBody, Slot, StaffAppointment, WaitlistEntry }
export type AltchaChallenge = AppointmentChallenge
export type CalledTicket = Called
export type PublicQueue = z.infer<typeof publicQueue>
export type QueueNext = z.infer<typeof nextResponse>
export type TicketState = z.infer<typeof ticketState>
export type CalendarService = CalendarBody['services'][number]
export type WeeklyHours = CalendarBody['weekly'][number]
/** 1 = Monday … 7 = Sunday, as the contract numbers them. */
export type Weekday = number

/** Services bookable at missions: the applications catalogue's, and vaccination. */
export const VACCINATION = 'vaccination'
