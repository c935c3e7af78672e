import { z } from 'zod'
import {
  APPOINTMENT_SERVICES,
  APPOINTMENT_STATUSES,
  TICKET_ACTIONS,
  TICKET_STATUSES,
} from './appointments.enums.ts'
import { locationName } from './calendar.schema.ts'

export const dayQuery = z.strictObject({ date: z.iso.date(), location: locationName.optional() })

/** One booking of the day as the counter sees it: the holder's name and masked passport to check. */
export const staffAppointment = z.strictObject({
  id: z.string(),
  code: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  service: z.enum(APPOINTMENT_SERVICES),
  location: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  passportNumber: z.string(),
  applicationId: z.string().nullable(),
  ticket: z.string().nullable(),
  counter: z.number().int().nullable(),
})
export type StaffAppointment = z.infer<typeof staffAppointment>
export const staffDay = z.array(staffAppointment)

export const checkInResponse = z.strictObject({ ticket: z.string() })
export const walkInBody = z.strictObject({ location: locationName.optional() })

export const nextBody = z.strictObject({
  counter: z.number().int().min(1).max(999),
  location: locationName.optional(),
})
export const nextResponse = z.strictObject({ ticket: z.string(), appointmentId: z.string().optional() })

export const ticketParams = z.strictObject({
  code: z.string().min(1).max(40),
  ticket: z.string().regex(/^[A-Z]\d{3,4}$/),
})
export const ticketBody = z.strictObject({
  action: z.enum(TICKET_ACTIONS),
  location: locationName.optional(),
})
export const ticketState = z.strictObject({
  ticket: z.string(),
  status: z.enum(TICKET_STATUSES),
  counter: z.number().int().nullable(),
  calls: z.number().int(),
  appointmentId: z.string().optional(),
})

export const queueQuery = z.strictObject({ location: locationName.optional() })
export const called = z.strictObject({ ticket: z.string(), counter: z.number().int(), at: z.string() })
export type Called = z.infer<typeof called>
export const publicQueue = z.strictObject({ called: z.array(called), waiting: z.number().int() })
