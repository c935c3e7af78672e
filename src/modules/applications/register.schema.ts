import { z } from 'zod'

export const INVALIDATION_REASONS = ['lost', 'stolen', 'other'] as const

const passportNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5,9}$/, '5 to 9 letters and digits')

export const registerQuery = z.strictObject({ number: passportNumber })

export const registerBody = z.strictObject({
  number: passportNumber,
  reason: z.enum(INVALIDATION_REASONS),
  reportedAt: z.iso.datetime().optional(),
  note: z.string().trim().min(1).max(1000).optional(),
})
export type RegisterBody = z.infer<typeof registerBody>

export const registerEntry = z.object({
  id: z.uuid(),
  number: z.string(),
  reason: z.enum(INVALIDATION_REASONS),
  since: z.iso.datetime(),
  mission: z.string().nullable(),
  applicationReference: z.string().nullable(),
  note: z.string().nullable(),
})
export type RegisterEntry = z.infer<typeof registerEntry>
export const registerSearch = z.object({ items: z.array(registerEntry) })
