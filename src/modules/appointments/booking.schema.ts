import { z } from 'zod'
import { APPOINTMENT_SERVICES, APPOINTMENT_STATUSES } from './appointments.enums.ts'
import { locationName } from './calendar.schema.ts'

const altcha = z.string().min(1).max(4000)

export const bookBody = z.strictObject({
  mission: z.string().min(1).max(40),
  service: z.enum(APPOINTMENT_SERVICES),
  start: z.iso.datetime({ offset: true }),
  applicationId: z.uuid().optional(),
  location: locationName.optional(),
  altcha,
})
export type BookBody = z.infer<typeof bookBody>

export const appointment = z.strictObject({
  id: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  start: z.string(),
  end: z.string(),
  mission: z.string(),
  location: z.string(),
  service: z.enum(APPOINTMENT_SERVICES),
  code: z.string(),
  /** The holder's name from the passport; left out on the manage link's page (whoever holds the link). */
  name: z.string().nullable(),
  applicationId: z.string().nullable(),
  /** Until when a place offered from the waitlist waits for the confirmation. */
  holdExpiresAt: z.string().nullable(),
  /** The queue ticket once checked in, and the counter once called. */
  ticket: z.string().nullable(),
  counter: z.number().int().nullable(),
})
export type Appointment = z.infer<typeof appointment>
export const appointmentList = z.array(appointment)

export const idParams = z.strictObject({ id: z.uuid() })
export const signatureQuery = z.strictObject({ sig: z.string().min(1).max(100) })

export const moveBody = z.strictObject({ start: z.iso.datetime({ offset: true }), altcha })
export type MoveBody = z.infer<typeof moveBody>

export const waitlistBody = z.strictObject({
  mission: z.string().min(1).max(40),
  service: z.enum(APPOINTMENT_SERVICES),
  from: z.iso.date(),
  to: z.iso.date(),
  location: locationName.optional(),
  altcha,
})
export type WaitlistBody = z.infer<typeof waitlistBody>

export const waitlistEntry = z.strictObject({
  id: z.string(),
  mission: z.string(),
  location: z.string(),
  service: z.enum(APPOINTMENT_SERVICES),
  from: z.string(),
  to: z.string(),
  status: z.enum(['waiting', 'offered', 'booked', 'cancelled', 'expired']),
})
export type WaitlistEntry = z.infer<typeof waitlistEntry>
export const waitlistList = z.array(waitlistEntry)
