import { z } from 'zod'
import { phoneSchema } from '../registrations/phone.schema.ts'
import {
  APPLICATION_STATUSES,
  CORRECTABLE,
  PHOTO_CHECK_CODES,
  REASONS,
  SERVICE_CODES,
  STAFF_ACTIONS,
  UPLOAD_KINDS,
} from './applications.enums.ts'

export const idParams = z.strictObject({ id: z.uuid() })

const day = z.iso.date()
const name = z.string().trim().min(1).max(80)
const place = z.string().trim().min(1).max(300)

export const createBody = z.strictObject({
  service: z.enum(SERVICE_CODES),
  mission: z.string().min(1).max(40),
  dependantId: z.uuid().optional(),
})

export const createdResponse = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.literal('draft'),
})

/** The form fields a citizen sets; fields left out keep their value. */
export const patchBody = z.strictObject({
  surname: name.optional(),
  givenNames: name.optional(),
  nameZh: z.string().trim().min(1).max(40).optional(),
  sex: z.enum(['F', 'M']).optional(),
  dateOfBirth: day.optional(),
  birthPlace: place.optional(),
  phone: phoneSchema.optional(),
  addressAbroad: place.optional(),
  addressChina: place.optional(),
  reason: z.enum(REASONS).optional(),
  currentPassport: z
    .strictObject({
      number: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{5,9}$/, '5 to 9 letters and digits'),
      expiryDate: day,
    })
    .optional(),
  mrz: z.string().min(1).max(200).optional(),
})
export type PatchBody = z.infer<typeof patchBody>

export const mrzMismatch = z.object({ field: z.string(), typed: z.string(), mrz: z.string() })
export type MrzMismatch = z.infer<typeof mrzMismatch>

export const photoCheck = z.object({
  code: z.enum(PHOTO_CHECK_CODES),
  passed: z.boolean(),
  blocking: z.boolean(),
})
export const correction = z.strictObject({
  field: z.enum(CORRECTABLE),
  message: z.string().trim().min(1).max(500),
})

export const timelineEntry = z.object({
  at: z.iso.datetime(),
  kind: z.string(),
  from: z.enum(APPLICATION_STATUSES).nullable(),
  to: z.enum(APPLICATION_STATUSES).nullable(),
  reason: z.string().nullable(),
  internal: z.boolean(),
})

export const uploadEntry = z.object({
  id: z.uuid(),
  kind: z.enum(UPLOAD_KINDS),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  uploadedAt: z.iso.datetime(),
})

export const application = z.object({
  id: z.uuid(),
  reference: z.string(),
  service: z.enum(SERVICE_CODES),
  mission: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  dependantId: z.uuid().nullable(),
  applicantUserId: z.uuid().optional(),
  form: z.object({
    surname: z.string().nullable(),
    givenNames: z.string().nullable(),
    nameZh: z.string().nullable(),
    sex: z.enum(['F', 'M']).nullable(),
    dateOfBirth: z.string().nullable(),
    birthPlace: z.string().nullable(),
    phone: z.string().nullable(),
    addressAbroad: z.string().nullable(),
    addressChina: z.string().nullable(),
    reason: z.enum(REASONS).nullable(),
    currentPassport: z.object({ number: z.string(), expiryDate: z.string().nullable() }).nullable(),
    mrz: z.boolean().describe('an MRZ was given (its lines are kept sealed)'),
  }),
  mrzMismatches: z.array(mrzMismatch),
  photo: z.object({ checks: z.array(photoCheck) }).nullable(),
  signature: z.boolean(),
  /** Who signs the declaration: a parent or guardian for a child under 10. */
  signer: z.enum(['applicant', 'guardian']),
  uploads: z.array(uploadEntry),
  requiredUploads: z.array(z.enum(UPLOAD_KINDS)),
  fee: z.object({
    amount: z.number(),
    currency: z.string(),
    paid: z.boolean(),
    /** A hosted payment page is configured: the fee may be paid online. */
    online: z.boolean(),
  }),
  corrections: z.array(correction),
  timeline: z.array(timelineEntry),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  overdue: z.boolean().optional(),
  /** When the photo, signature and uploads were deleted (the record and timeline stay). */
  filesPurgedAt: z.iso.datetime().nullable(),
  /** Staff only: the current passport is on the register of invalidated documents. */
  invalidatedDocument: z
    .object({
      reason: z.enum(['lost', 'stolen', 'other']),
      since: z.iso.datetime(),
      /** The entry came from this very application (its own lost/stolen report). */
      ownReport: z.boolean(),
    })
    .nullable()
    .optional(),
  /** Staff only: lost/stolen replacements need two different officers to approve. */
  approval: z
    .object({
      required: z.number().int().min(1).max(2),
      firstApproverId: z.uuid().nullable(),
      firstApprovedAt: z.iso.datetime().nullable(),
    })
    .optional(),
})
export type Application = z.infer<typeof application>

export const applicationSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  service: z.enum(SERVICE_CODES),
  mission: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  applicant: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  photoFlagged: z.boolean(),
})
export type ApplicationSummary = z.infer<typeof applicationSummary>
export const myApplications = z.array(applicationSummary)

export const photoResponse = z.object({ checks: z.array(photoCheck) })
export const submitResponse = z.object({ status: z.literal('submitted'), reference: z.string() })
export const okResponse = z.object({ ok: z.literal(true) })
export const uploadResponse = uploadEntry

export const queueQuery = z.strictObject({
  mission: z.string().min(1).max(40).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})
export type QueueQuery = z.infer<typeof queueQuery>
export const queuePage = z.object({ items: z.array(applicationSummary), nextCursor: z.string().nullable() })

export const eventBody = z.strictObject({
  action: z.enum(STAFF_ACTIONS),
  reason: z.string().trim().min(1).max(2000).optional(),
  corrections: z.array(correction).min(1).max(40).optional(),
})
export type EventBody = z.infer<typeof eventBody>

export const paymentBody = z.strictObject({ receipt: z.string().trim().min(1).max(60) })

export const publicStatusQuery = z.strictObject({
  reference: z.string().trim().min(1).max(40),
  dateOfBirth: day,
})
export const publicStatus = z.object({
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  updatedAt: z.iso.datetime(),
})
