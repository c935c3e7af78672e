import { z } from 'zod'
import { altchaPayloadSchema, emailSchema, passwordSchema, phoneSchema } from './auth.schema.ts'

/** The same answer whatever was asked for: nothing tells whether an account exists. */
export const accepted = z.object({ accepted: z.literal(true) })

/** A single-use token from an e-mailed link (base64url, 43 characters as issued). */
const linkToken = z.string().min(1).max(200)
const smsCode = z.string().regex(/^\d{6}$/, 'must be 6 digits')

export const forgotPasswordBody = z.strictObject({ email: emailSchema })
export const resetPasswordBody = z.strictObject({ token: linkToken, password: passwordSchema })
export const resetPasswordResponse = z.object({ reset: z.literal(true) })

export const changePasswordBody = z.strictObject({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
})
export const changePasswordResponse = z.object({ endedSessions: z.number().int() })

export const emailBody = z.strictObject({ email: emailSchema })
export const verifyEmailBody = z.strictObject({ token: linkToken })
export const verifyEmailResponse = z.object({ email: z.string() })

export const phoneBody = z.strictObject({ phone: phoneSchema })
export const phoneCodeBody = z.strictObject({ code: smsCode })
export const phoneLoginBody = z.strictObject({
  phone: phoneSchema,
  code: smsCode,
  altcha: altchaPayloadSchema.optional(),
})

export const sessionItem = z.object({
  /** Not the session's key: a digest of it, good only for ending it here. */
  id: z.string(),
  /** "Chrome · Android", from the user agent; null when it names nothing known. */
  device: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
})
export const sessionList = z.object({ sessions: z.array(sessionItem) })
export const sessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) })
export const endedSessions = z.object({ ended: z.number().int() })

export type SessionItem = z.infer<typeof sessionItem>
