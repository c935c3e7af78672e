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

/**
 * Request bodies the routes read as raw bytes (an XML document's declared encoding is honoured)
 * or as JSON, described here for the OpenAPI document only: the schema accepts anything, and the
 * route itself refuses what it cannot read (415 `cap.not_xml`, 422 `feed.*`).
 */
const xml = (description: string) => ({ schema: { type: 'string', description } })

export const capXmlBody = z.unknown().meta({
  description: 'A CAP 1.2 alert as XML (up to 10 MiB), in UTF-8, UTF-16 or the encoding its prolog declares',
  content: {
    'application/cap+xml': xml('A CAP 1.2 <alert> document'),
    'application/xml': xml('A CAP 1.2 <alert> document'),
    'text/xml': xml('A CAP 1.2 <alert> document'),
  },
})

export const hazardFeedBody = z.unknown().meta({
  description: 'A USGS GeoJSON summary feed (kind usgs) or a GDACS RSS feed (kind gdacs), up to 10 MiB',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        description: 'A USGS GeoJSON summary feed: a FeatureCollection of earthquakes',
        required: ['type', 'features'],
        properties: { type: { const: 'FeatureCollection' }, features: { type: 'array' } },
      },
    },
    'application/rss+xml': xml('A GDACS RSS 2.0 feed'),
    'application/xml': xml('A GDACS RSS 2.0 feed'),
    'text/xml': xml('A GDACS RSS 2.0 feed'),
  },
})

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
