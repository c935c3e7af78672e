import { z } from 'zod'
import { COLLECTION_OPTIONS, SERVICE_CODES, UPLOAD_KINDS } from './applications.enums.ts'

export const missionParams = z.strictObject({ code: z.string().min(1).max(40) })
export const serviceParams = z.strictObject({
  code: z.string().min(1).max(40),
  service: z.enum(SERVICE_CODES),
})

export const service = z.object({
  code: z.enum(SERVICE_CODES),
  fee: z.object({ amount: z.number(), currency: z.string() }),
  processingDays: z.number().int(),
  eligibility: z.object({ 'zh-CN': z.string(), en: z.string() }),
  requiresAppointment: z.boolean(),
  uploads: z.array(z.enum(UPLOAD_KINDS)),
  collection: z.array(z.enum(COLLECTION_OPTIONS)),
  photo: z.object({ minBytes: z.number().int(), maxBytes: z.number().int() }),
})
export type Service = z.infer<typeof service>
export const serviceList = z.array(service)

const text = z.string().trim().min(1).max(1000)

/** An administrator's edit of one service at one mission: the whole entry, as it will be offered. */
export const serviceBody = z.strictObject({
  fee: z.strictObject({
    amount: z.number().min(0).max(1_000_000_000).multipleOf(0.01),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as JPY'),
  }),
  processingDays: z.number().int().min(1).max(365),
  eligibility: z.strictObject({ 'zh-CN': text, en: text }),
  requiresAppointment: z.boolean(),
  uploads: z.array(z.enum(UPLOAD_KINDS)).max(UPLOAD_KINDS.length),
  collection: z.array(z.enum(COLLECTION_OPTIONS)).min(1).max(COLLECTION_OPTIONS.length),
  photo: z.strictObject({
    minBytes: z.number().int().min(1).max(50_000_000),
    maxBytes: z.number().int().min(1).max(50_000_000),
  }),
  active: z.boolean().default(true),
})
export type ServiceBody = z.infer<typeof serviceBody>
