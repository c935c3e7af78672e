import { z } from 'zod'
import { APPOINTMENT_SERVICES } from './appointments.enums.ts'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a local time HH:MM')
const isoDate = z.iso.date()
/** A location of a mission (a counter hall, a partner clinic); `main` when none is named. */
export const locationName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes')

export const missionParams = z.strictObject({ code: z.string().min(1).max(40) })
export const locationQuery = z.strictObject({ location: locationName.optional() })

export const calendarBody = z.strictObject({
  timezone: z.string().min(1).max(64),
  services: z
    .array(
      z.strictObject({
        service: z.enum(APPOINTMENT_SERVICES),
        slotMinutes: z.number().int().min(5).max(480),
        capacity: z.number().int().min(1).max(1000),
      }),
    )
    .min(1)
    .max(APPOINTMENT_SERVICES.length),
  weekly: z.array(z.strictObject({ day: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm })).max(70),
  closedDates: z.array(isoDate).max(1000).default([]),
  horizonDays: z.number().int().min(1).max(366),
  minNoticeHours: z.number().int().min(0).max(720),
  bufferMinutes: z.number().int().min(0).max(240).default(0),
})
export type CalendarBody = z.infer<typeof calendarBody>

export const calendar = z.strictObject({
  mission: z.string(),
  location: z.string(),
  timezone: z.string(),
  services: z.array(
    z.strictObject({ service: z.enum(APPOINTMENT_SERVICES), slotMinutes: z.number(), capacity: z.number() }),
  ),
  weekly: z.array(z.strictObject({ day: z.number(), opens: z.string(), closes: z.string() })),
  closedDates: z.array(z.string()),
  horizonDays: z.number(),
  minNoticeHours: z.number(),
  bufferMinutes: z.number(),
})
export type Calendar = z.infer<typeof calendar>

export const slotsQuery = z.strictObject({
  service: z.enum(APPOINTMENT_SERVICES),
  from: isoDate,
  to: isoDate,
  location: locationName.optional(),
})
export type SlotsQuery = z.infer<typeof slotsQuery>

export const slot = z.strictObject({
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  available: z.number().int(),
})
export type Slot = z.infer<typeof slot>
export const slotList = z.array(slot)

export const locationList = z.array(
  z.strictObject({
    location: z.string(),
    timezone: z.string(),
    services: z.array(z.enum(APPOINTMENT_SERVICES)),
  }),
)
export type MissionLocation = z.infer<typeof locationList>[number]
