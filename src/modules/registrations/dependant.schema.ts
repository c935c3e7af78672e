import { z } from 'zod'
import { phoneSchema } from './phone.schema.ts'
import { isoDate, nameLatin, passportNumber, sex } from './registrations.schema.ts'

export const RELATIONS = ['child', 'spouse', 'parent', 'other'] as const
export const relation = z.enum(RELATIONS)
export type Relation = z.infer<typeof relation>

export const dependantBody = z.strictObject({
  nameLatin,
  nameZh: z.string().trim().min(1).max(100).optional(),
  dateOfBirth: isoDate,
  sex: sex.optional(),
  passportNumber: passportNumber.optional(),
  relation,
  phone: phoneSchema.optional(),
})

/** PUT merges the fields given; `null` clears an optional one. */
export const dependantChanges = z.strictObject({
  nameLatin: nameLatin.optional(),
  nameZh: z.string().trim().min(1).max(100).nullable().optional(),
  dateOfBirth: isoDate.optional(),
  sex: sex.nullable().optional(),
  passportNumber: passportNumber.nullable().optional(),
  relation: relation.optional(),
  phone: phoneSchema.nullable().optional(),
})

export const dependantResponse = z.object({
  id: z.string(),
  nameLatin: z.string(),
  nameZh: z.string().nullable(),
  dateOfBirth: z.string(),
  sex: sex.nullable(),
  passportNumber: z.string().nullable().describe('masked: only the last 4 characters are shown'),
  relation,
  phone: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const dependantList = z.array(dependantResponse)

export const dependantIdParams = z.strictObject({ id: z.uuid() })

export type DependantBody = z.infer<typeof dependantBody>
export type DependantChanges = z.infer<typeof dependantChanges>
