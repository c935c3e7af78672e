import { z } from 'zod'
// Schema files only (not the module's index): the web app compiles these, and the index pulls in routes.
import { phoneSchema } from '../registrations/phone.schema.ts'
import { passportNumber } from '../registrations/registrations.schema.ts'

const isoDate = z.iso.date()

export const staffBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: phoneSchema,
  passportNumber: passportNumber.nullable().optional().describe('sealed at rest; only the last 4 are shown'),
})
export type StaffBody = z.infer<typeof staffBody>

export const staffParams = z.strictObject({ id: z.uuid(), siteId: z.uuid(), staffId: z.uuid() })
export const trainingParams = z.strictObject({
  id: z.uuid(),
  siteId: z.uuid(),
  staffId: z.uuid(),
  trainingId: z.uuid(),
})

export const trainingBody = z.strictObject({
  course: z.string().trim().min(1).max(200),
  takenOn: isoDate,
  validUntil: isoDate,
})
export type TrainingBody = z.infer<typeof trainingBody>

/** valid: more than 30 days left; expiring: 30 days or fewer; expired: past its date. */
export const TRAINING_STATES = ['valid', 'expiring', 'expired'] as const
export type TrainingState = (typeof TRAINING_STATES)[number]

export const training = z.object({
  id: z.uuid(),
  course: z.string(),
  takenOn: z.string(),
  validUntil: z.string(),
  state: z.enum(TRAINING_STATES),
})

export const staffMember = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  phone: z.string(),
  passportNumber: z.string().nullable().describe('masked: only the last 4 characters are shown'),
  /** A registered citizen has this phone number (the registry links them). */
  registered: z.boolean(),
  trainings: z.array(training),
  /** The best of the person's trainings, or null when they have none. */
  trainingState: z.enum(TRAINING_STATES).nullable(),
  updatedAt: z.string(),
})
export type StaffMember = z.infer<typeof staffMember>
export const staffList = z.array(staffMember)

export const importResult = z.object({ imported: z.int(), created: z.int(), updated: z.int() })

export const siteCoverage = z.object({
  siteId: z.uuid(),
  siteName: z.string(),
  country: z.string(),
  staff: z.int(),
  /** Staff with a training valid today. */
  trained: z.int(),
  /** trained / staff, 0–100; null for an empty roster. */
  coverage: z.int().nullable(),
  expiring: z.int(),
  expired: z.int(),
})
export const trainingOverview = z.object({
  sites: z.array(siteCoverage),
  /** Trainings to renew: those expiring within 30 days, and those expired (the latest per person and course). */
  flagged: z.array(
    z.object({
      staffId: z.uuid(),
      siteId: z.uuid(),
      name: z.string(),
      course: z.string(),
      validUntil: z.string(),
      state: z.enum(['expiring', 'expired']),
    }),
  ),
})
