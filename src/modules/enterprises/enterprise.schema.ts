import { z } from 'zod'
import { phoneSchema } from '../registrations/phone.schema.ts'
import { isValidCreditCode, normaliseCreditCode } from './credit-code.ts'
import { ENTERPRISE_STATUSES, INDUSTRIES, MEMBER_ROLES, PROVINCES } from './enterprises.enums.ts'

export * from './enterprises.enums.ts'

const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * `POST /api/v1/enterprises`. The credit code's shape is checked here (18 characters); its check
 * character by the service, so that a wrong one is the 422 `enterprise.credit_code` clients rely on.
 */
export const registerBody = z.strictObject({
  name: text(200).describe('the registered name in English (or Latin letters)'),
  nameZh: text(200).describe('the registered name in Chinese'),
  creditCode: z
    .string()
    .trim()
    .length(18, 'the unified social credit code has 18 characters')
    .transform(normaliseCreditCode)
    .describe('unified social credit code, GB 32100-2015'),
  province: z.enum(PROVINCES).describe('headquarters province, ISO 3166-2'),
  industry: z.enum(INDUSTRIES),
  contact: z
    .strictObject({ name: text(120), phone: phoneSchema, email: z.email().max(254) })
    .optional()
    .describe('who the consular side calls about the enterprise'),
})
export type RegisterBody = z.infer<typeof registerBody>

export const registered = z.object({ id: z.uuid(), status: z.enum(ENTERPRISE_STATUSES) })
export const verified = z.object({ id: z.uuid(), status: z.literal('verified') })

export const enterpriseParams = z.strictObject({ id: z.uuid() })

export const enterprise = z.object({
  id: z.uuid(),
  name: z.string(),
  nameZh: z.string(),
  creditCode: z.string(),
  province: z.string(),
  industry: z.enum(INDUSTRIES),
  status: z.enum(ENTERPRISE_STATUSES),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  sites: z.number().int(),
  /** The caller's role in it; null for staff reading it. */
  myRole: z.enum(MEMBER_ROLES).nullable(),
})
export type Enterprise = z.infer<typeof enterprise>
export const enterpriseList = z.array(enterprise)

export const enterpriseListQuery = z.strictObject({
  status: z.enum(ENTERPRISE_STATUSES).optional(),
})

export const memberBody = z.strictObject({
  email: z.email().max(254).describe('an existing account'),
  role: z.enum(MEMBER_ROLES),
})
export const member = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
})
export const memberList = z.array(member)

/** Creditcode as the web form checks it (the same function the server runs). */
export { isValidCreditCode }
