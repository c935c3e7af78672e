import { z } from 'zod'

const localized = z.object({ 'zh-CN': z.string(), en: z.string() })
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase())
const feedLanguage = z.enum(['zh-CN', 'en']).default('zh-CN')

/** An alert in force as a country page or the map shows it. */
export const publicAlertSummary = z.object({
  id: z.uuid(),
  severity: z.string(),
  event: localized,
  headline: localized,
  areaDesc: localized,
  countries: z.array(z.string()),
  sentAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
})
export const publicAlertList = z.object({ items: z.array(publicAlertSummary) })

export const publicAlertsQuery = z.strictObject({ country: countryCode.optional() })
export const alertsAtomQuery = z.strictObject({ country: countryCode.optional(), lang: feedLanguage })
export const countryAtomParams = z.strictObject({ country: z.string().regex(/^[A-Za-z]{2}$/) })
export const countryAtomQuery = z.strictObject({ lang: feedLanguage })

/** `POST /api/v1/alerts/feeds/{kind}`: a hazard feed posted by hand. */
export const feedKindParams = z.strictObject({ kind: z.enum(['usgs', 'gdacs']) })
export const feedIngestQuery = z.strictObject({
  minMagnitude: z.coerce.number().min(-2).max(10).optional(),
})

/** What became of a feed's items: drafts created, alerts already held, items skipped and why. */
export const ingestSummary = z.object({
  created: z.array(z.uuid()),
  held: z.array(z.uuid()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
})
