import { z } from 'zod'
import {
  CAP_CATEGORY,
  CAP_CERTAINTY,
  CAP_MSG_TYPE,
  CAP_RESPONSE,
  CAP_SCOPE,
  CAP_SEVERITY,
  CAP_STATUS,
  CAP_URGENCY,
} from './cap.enums.ts'

/**
 * The CAP 1.2 alert as JSON (OASIS CAP v1.2, section 3): element names in camelCase, repeated
 * elements as arrays, `polygon` and `circle` kept as CAP writes them ("lat,lon lat,lon …" and
 * "lat,lon radius-km"), times as ISO 8601 with offset. It is both what `POST /api/v1/alerts`
 * accepts and what the CAP XML and hazard-feed parsers produce, so every way in ends in one shape.
 * Strict: a field CAP does not have is refused, not silently dropped.
 */

const text = (max: number) => z.string().trim().min(1).max(max)
/** CAP's dateTime: an offset is required ("2002-05-24T16:49:00-07:00"); "Z" is not CAP but tolerated. */
export const capDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/, 'CAP dateTime with offset')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date')

export * from './cap.enums.ts'

export const capNamedValue = z.strictObject({ valueName: text(200), value: z.string().trim().max(2000) })

export const capResource = z.strictObject({
  resourceDesc: text(500),
  mimeType: text(200),
  size: z.number().int().nonnegative().optional(),
  uri: z.string().trim().max(2000).optional(),
  derefUri: z.string().optional(),
  digest: z.string().trim().max(200).optional(),
})

export const capArea = z.strictObject({
  areaDesc: text(2000),
  /** Each a closed ring of at least four "lat,lon" pairs separated by spaces. */
  polygon: z.array(z.string().trim().min(1).max(200_000)).max(100).default([]),
  /** Each "lat,lon radius" with the radius in kilometres; radius 0 is a point. */
  circle: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  geocode: z.array(capNamedValue).max(500).default([]),
  altitude: z.number().optional(),
  ceiling: z.number().optional(),
})

export const capInfo = z.strictObject({
  /** RFC 3066 language; CAP's default is en-US. */
  language: z.string().trim().min(2).max(35).default('en-US'),
  category: z.array(z.enum(CAP_CATEGORY)).min(1),
  event: text(500),
  responseType: z.array(z.enum(CAP_RESPONSE)).default([]),
  urgency: z.enum(CAP_URGENCY),
  severity: z.enum(CAP_SEVERITY),
  certainty: z.enum(CAP_CERTAINTY),
  audience: z.string().trim().max(500).optional(),
  eventCode: z.array(capNamedValue).default([]),
  effective: capDateTime.optional(),
  onset: capDateTime.optional(),
  expires: capDateTime.optional(),
  senderName: z.string().trim().max(500).optional(),
  headline: z.string().trim().max(500).optional(),
  description: z.string().trim().max(20_000).optional(),
  instruction: z.string().trim().max(20_000).optional(),
  web: z.string().trim().max(2000).optional(),
  contact: z.string().trim().max(500).optional(),
  parameter: z.array(capNamedValue).default([]),
  resource: z.array(capResource).default([]),
  area: z.array(capArea).default([]),
})

/** One "sender,identifier,sent" entry of `references`. */
export const capReference = z.strictObject({ sender: text(500), identifier: text(500), sent: capDateTime })

export const capAlert = z.strictObject({
  identifier: text(500).refine((s) => !/[\s,<&]/.test(s), 'no spaces, commas, < or &'),
  sender: text(500).refine((s) => !/[\s,<&]/.test(s), 'no spaces, commas, < or &'),
  sent: capDateTime,
  status: z.enum(CAP_STATUS),
  msgType: z.enum(CAP_MSG_TYPE),
  source: z.string().trim().max(500).optional(),
  scope: z.enum(CAP_SCOPE),
  restriction: z.string().trim().max(2000).optional(),
  addresses: z.string().trim().max(5000).optional(),
  code: z.array(z.string().trim().max(200)).default([]),
  note: z.string().trim().max(5000).optional(),
  references: z.array(capReference).default([]),
  incidents: z.string().trim().max(2000).optional(),
  /** Cancel, Ack and Error messages may have none. */
  info: z.array(capInfo).default([]),
})

export type CapNamedValue = z.infer<typeof capNamedValue>
export type CapArea = z.infer<typeof capArea>
export type CapInfo = z.infer<typeof capInfo>
export type CapReference = z.infer<typeof capReference>
export type CapAlert = z.infer<typeof capAlert>
export type CapAlertInput = z.input<typeof capAlert>
export type CapStatus = (typeof CAP_STATUS)[number]
export type CapMsgType = (typeof CAP_MSG_TYPE)[number]
export type CapScope = (typeof CAP_SCOPE)[number]
export type CapSeverity = (typeof CAP_SEVERITY)[number]
