import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { ROLES } from './role.ts'

export const localeSchema = z.enum(['zh-CN', 'en'])

/** E.164 only: "+8613800138000". Normalised to its canonical form. */
export const phoneSchema = z
  .string()
  .max(20)
  .refine((v) => /^\+[1-9]\d{6,14}$/.test(v) && isValidPhoneNumber(v), {
    message: 'must be a valid phone number in E.164 form, e.g. +8613800138000',
  })
  .transform((v) => parsePhoneNumberFromString(v)?.number ?? v)

export const emailSchema = z.email({ message: 'must be a valid e-mail address' }).max(254)
export const passwordSchema = z.string().min(1).max(256)

export const registerBody = z
  .strictObject({
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    password: passwordSchema,
    name: z.string().trim().min(1).max(200),
    locale: localeSchema.optional(),
  })
  .refine((b) => b.email !== undefined || b.phone !== undefined, {
    message: 'give an e-mail address or a phone number',
    path: ['email'],
  })

export const loginBody = z.union([
  z.strictObject({ email: emailSchema, password: passwordSchema }),
  z.strictObject({ phone: phoneSchema, password: passwordSchema }),
])

export const totpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') })

export const localizedName = z.object({ 'zh-CN': z.string(), en: z.string() })

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string(),
  locale: localeSchema,
  roles: z.array(z.enum(ROLES)),
  missions: z.array(z.object({ code: z.string(), name: localizedName })),
  mfa: z.object({ required: z.boolean(), enrolled: z.boolean(), pending: z.boolean() }),
})

export const loginResponse = z.object({
  user: meResponse,
  mfa: z.enum(['verify', 'enrol']).nullable(),
})

export const enrolStartResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() })

export type RegisterBody = z.infer<typeof registerBody>
export type LoginBody = z.infer<typeof loginBody>
export type Me = z.infer<typeof meResponse>
