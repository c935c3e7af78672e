import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every code the appointments module answers with, and its HTTP status. Clients and tests rely on both. */
const STATUS = {
  'appointment.bad_timezone': 400,
  'appointment.bad_hours': 400,
  'appointment.bad_range': 400,
  'appointment.bad_link': 403,
  'appointment.challenge': 403,
  'appointment.suspended': 403,
  'appointment.unverified': 403,
  'appointment.not_found': 404,
  'appointment.unknown_mission': 404,
  'appointment.no_calendar': 404,
  'appointment.service_unavailable': 404,
  'appointment.queue_empty': 404,
  'appointment.ticket_not_found': 404,
  'appointment.slot_full': 409,
  'appointment.limit': 409,
  'appointment.bad_transition': 409,
  'appointment.not_today': 409,
  'appointment.hold_gone': 409,
  'appointment.waitlist_exists': 409,
  'appointment.identity_missing': 422,
  'appointment.bad_application': 422,
  'appointment.outside_hours': 422,
  'appointment.outside_horizon': 422,
  'appointment.too_soon': 422,
  'appointment.rate_limited': 429,
} as const satisfies Record<string, 400 | 403 | 404 | 409 | 422 | 429>

export type AppointmentsErrorCode = keyof typeof STATUS

export const appointmentsError = moduleErrors(STATUS)

/** The answer for a booking that does not exist and for one the caller may not see alike. */
export const appointmentNotFound = () => appointmentsError('appointment.not_found', 'No such appointment')
