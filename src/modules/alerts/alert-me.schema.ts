import { z } from 'zod'
import { SAFETY_ANSWERS } from './alert.schema.ts'

const localized = z.object({ 'zh-CN': z.string(), en: z.string() })
const optionalLocalized = z.object({ 'zh-CN': z.string().nullable(), en: z.string().nullable() })

/** An alert as it reached me (`GET /api/v1/me/alerts/{id}`), in both languages, with my answer. */
export const myAlert = z.object({
  id: z.uuid(),
  msgType: z.string(),
  status: z.string(),
  event: localized,
  severity: z.string(),
  urgency: z.string(),
  headline: localized,
  description: optionalLocalized,
  instruction: optionalLocalized,
  areaDesc: localized,
  web: z.string().nullable(),
  contact: z.string().nullable(),
  sent: z.string(),
  expiresAt: z.string().nullable(),
  area: z.unknown().nullable(),
  safetyCheck: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  inArea: z.boolean(),
})
export const myAlertList = z.object({ items: z.array(myAlert) })
export type MyAlert = z.infer<typeof myAlert>

/** `POST /api/v1/me/alerts/{id}/answer`. */
export const answerBody = z.strictObject({ answer: z.enum(SAFETY_ANSWERS) })

/** The answer recorded. */
export const answerResult = z.object({
  alertId: z.uuid(),
  answer: z.string(),
  answeredAt: z.string(),
  /** The hotline contact a `need_help` answer opened. */
  contactId: z.uuid().nullable(),
})
export type AnswerResult = z.infer<typeof answerResult>

/** A signature as message links carry it (16 bytes, base64url). */
const linkSignature = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/)

/** `POST /api/v1/alerts/{id}/answer-link`: the tapped answer, with the link's person and signature. */
export const answerLinkBody = z.strictObject({
  user: z.uuid(),
  answer: z.enum(SAFETY_ANSWERS),
  sig: linkSignature,
})
