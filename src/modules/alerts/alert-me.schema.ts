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
  countries: z.array(z.string()).describe('the countries the alert concerns: their emergency numbers'),
})
export const myAlertList = z.object({ items: z.array(myAlert) })
export type MyAlert = z.infer<typeof myAlert>

/** `POST /api/v1/me/alerts/{id}/answer`. */
export const answerBody = z.strictObject({ answer: z.enum(SAFETY_ANSWERS) })

/**
 * The answer recorded. `answer` is the current one: a `need_help` stays until the hotline
 * resolves it, so after a later "safe" it is still `need_help`, and `given` is what was just said.
 */
export const answerResult = z.object({
  alertId: z.uuid(),
  answer: z.enum(SAFETY_ANSWERS),
  answeredAt: z.string(),
  /** The hotline contact a `need_help` answer opened. */
  contactId: z.uuid().nullable(),
  given: z.enum(SAFETY_ANSWERS),
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

/** `GET /api/v1/alerts/{id}/answer-link`: the link as it came (`answer` is `*` on the pick-one link). */
export const answerLinkQuery = z.strictObject({
  user: z.uuid(),
  answer: z.enum([...SAFETY_ANSWERS, '*']),
  sig: linkSignature,
})

/**
 * What the one-click page shows before anyone taps: the question, and whether the link still
 * takes an answer (`open`), or not (`cancelled`, `expired`: past the alert's end and the grace).
 */
export const answerLinkView = z.object({
  alertId: z.uuid(),
  answer: z.enum([...SAFETY_ANSWERS, '*']),
  event: localized,
  headline: localized,
  areaDesc: localized,
  severity: z.string(),
  sent: z.string(),
  state: z.enum(['open', 'cancelled', 'expired']),
  /** Until when the link takes an answer. */
  openUntil: z.string(),
  countries: z.array(z.string()).describe('the countries the alert concerns: their emergency numbers'),
})
export type AnswerLinkView = z.infer<typeof answerLinkView>
