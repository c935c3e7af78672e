import { z } from 'zod'
import { ALERT_STATUS } from './alert.enums.ts'
import { CAP_MSG_TYPE, CAP_SEVERITY, capAlert, capDateTime } from './cap/cap.model.ts'

export * from './alert.enums.ts'

/**
 * `POST /api/v1/alerts`: a CAP alert as JSON. From the console, identifier, sender and sent may
 * be left out (we fill them in); `safetyCheck` defaults to true.
 */
export const createAlertBody = capAlert.extend({
  identifier: capAlert.shape.identifier.optional(),
  sender: capAlert.shape.sender.optional(),
  sent: capDateTime.optional(),
  safetyCheck: z.boolean().default(true),
})
export type CreateAlertBody = z.infer<typeof createAlertBody>

export const alertIdParams = z.strictObject({ id: z.uuid() })

const reach = z.object({
  people: z.number().int(),
  trips: z.number().int(),
  subscribers: z.number().int(),
  /** Verified enterprises' sites whose point or area lies in the alert's area. */
  sites: z.number().int(),
  countedAt: z.string().nullable(),
})

export const alertSummary = z.object({
  id: z.uuid(),
  status: z.enum(ALERT_STATUS),
  origin: z.string(),
  msgType: z.enum(CAP_MSG_TYPE),
  capStatus: z.string(),
  identifier: z.string(),
  sender: z.string(),
  sent: z.string(),
  event: z.string(),
  severity: z.enum(CAP_SEVERITY),
  headline: z.string(),
  /** The event and headline in each language, for lists read in either. */
  titles: z.object({
    'zh-CN': z.object({ event: z.string(), headline: z.string() }),
    en: z.object({ event: z.string(), headline: z.string() }),
  }),
  effectiveAt: z.string(),
  expiresAt: z.string().nullable(),
  countries: z.array(z.string()),
  safetyCheck: z.boolean(),
  reach,
  recipients: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})

export const alertDetail = alertSummary.extend({
  scope: z.string(),
  /** Area descriptions nothing could be placed for: they reach nobody until an officer draws them. */
  unplaced: z.array(z.string()),
  /** Subdivision geocodes (ISO 3166-2) kept and shown; they do not target by themselves. */
  area: z.unknown().nullable(),
  originalId: z.uuid().nullable(),
  references: z.array(z.object({ sender: z.string(), identifier: z.string(), sent: z.string() })),
  thread: z.array(
    z.object({
      id: z.uuid(),
      msgType: z.string(),
      status: z.string(),
      sent: z.string(),
      headline: z.string(),
    }),
  ),
  approval: z.object({
    required: z.boolean(),
    submittedBy: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
  }),
  cap: z.unknown(),
})

export const alertListQuery = z.strictObject({
  status: z.enum(ALERT_STATUS).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const alertList = z.object({ items: z.array(alertSummary), next: z.uuid().nullable() })

export const alertStats = z.object({
  recipients: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  answers: z.object({ safe: z.number().int(), need_help: z.number().int(), not_in_area: z.number().int() }),
  unanswered: z.number().int(),
  /** Enterprise sites reached, how many reported a headcount, and the people in those reports. */
  sites: z.object({
    reached: z.number().int(),
    reported: z.number().int(),
    safe: z.number().int(),
    injured: z.number().int(),
    missing: z.number().int(),
  }),
  byChannel: z.array(
    z.object({
      channel: z.string(),
      queued: z.number(),
      sent: z.number(),
      delivered: z.number(),
      failed: z.number(),
    }),
  ),
})

export type AlertDetail = z.infer<typeof alertDetail>
export type AlertSummary = z.infer<typeof alertSummary>
