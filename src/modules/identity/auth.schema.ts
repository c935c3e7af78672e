import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { ROLES } from './role.schema.ts'

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

/** A solved proof-of-work challenge (the ALTCHA widget's payload: base64 JSON), when one was asked. */
export const altchaPayloadSchema = z.string().min(1).max(8_000)

export const loginBody = z.union([
  z.strictObject({ email: emailSchema, password: passwordSchema, altcha: altchaPayloadSchema.optional() }),
  z.strictObject({ phone: phoneSchema, password: passwordSchema, altcha: altchaPayloadSchema.optional() }),
])

export const totpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') })

export const localizedName = z.object({ 'zh-CN': z.string(), en: z.string() })

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  /** Proved by opening a link sent to it. */
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  /** Proved with a code texted to it: only then does it sign in by code. */
  phoneVerified: z.boolean(),
  name: z.string(),
  locale: localeSchema,
  roles: z.array(z.enum(ROLES)),
  missions: z.array(z.object({ code: z.string(), name: localizedName })),
  mfa: z.object({ required: z.boolean(), enrolled: z.boolean(), pending: z.boolean() }),
  /** A clinician's vaccination site. */
  healthSite: z.object({ id: z.string(), name: localizedName }).optional(),
})

/** Who is signed in, if anyone: answered 200 to everybody, so an anonymous visit logs no error. */
export const sessionResponse = z.object({ user: meResponse.nullable() }).strict()

export const loginResponse = z.object({
  user: meResponse,
  mfa: z.enum(['verify', 'enrol']).nullable(),
})

const challengeParameters = z.looseObject({
  algorithm: z.string().max(40),
  nonce: z.string().max(200),
  salt: z.string().max(200),
  cost: z.number(),
  keyLength: z.number(),
  keyPrefix: z.string().max(200),
  keySignature: z.string().max(200).optional(),
  expiresAt: z.number().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
})

/** With a 401 `auth.challenge_required` or `auth.invalid_credentials`: solve it before the next try. */
export const signInChallenge = z.object({ parameters: challengeParameters, signature: z.string().max(200) })

/** What the ALTCHA widget sends back (base64 of this JSON in `altcha`). */
export const altchaPayload = z.object({
  challenge: signInChallenge,
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(200), time: z.number().optional() }),
})

/** With a 400 `auth.weak_password`: the estimator's keys (zxcvbn-ts), translated by the web app. */
export const passwordFeedback = z.object({
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
})

export const mfaVerifiedResponse = z.object({ user: meResponse })
export const noContent = z.null()

export const enrolStartResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() })

export type RegisterBody = z.infer<typeof registerBody>
export type LoginBody = z.infer<typeof loginBody>
export type Me = z.infer<typeof meResponse>
export type SignInChallenge = z.infer<typeof signInChallenge>
export type PasswordFeedback = z.infer<typeof passwordFeedback>
