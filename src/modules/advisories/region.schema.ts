import { z } from 'zod'
import { polygonal } from '../../platform/geo/geojson.schema.ts'
import { countryCode, localized } from '../reference/reference.schema.ts'
import { adviceText, draftBody, regionSummary } from './advisories.schema.ts'

const ISO_3166_2 = /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/

/** The subdivision code a region key stands for, or null for a slug naming a drawn area. */
export function subdivisionCode(key: string): string | null {
  return ISO_3166_2.test(key) ? key : null
}

/** `TH-90` (an ISO 3166-2 code, kept upper case) or a slug such as `deep-south` (kept lower case). */
export const regionKey = z
  .string()
  .max(60)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'an ISO 3166-2 code (TH-90) or a slug (deep-south)')
  .transform((k) => (ISO_3166_2.test(k) ? k.toUpperCase() : k.toLowerCase()))

export const regionParams = z.strictObject({ country: countryCode, regionKey })

const regionName = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
})

export const regionDraftBody = draftBody.extend({
  name: regionName,
  area: polygonal
    .optional()
    .describe('GeoJSON Polygon or MultiPolygon (lon, lat); required unless the key is an ISO 3166-2 code'),
})

export const regionDetail = regionSummary.extend({
  country: z.string(),
  retired: z.boolean().describe('the region advisory was lifted; the country advisory applies'),
  advice: adviceText,
  area: z.unknown().nullable().describe('GeoJSON MultiPolygon'),
  history: z.array(
    z.object({
      version: z.number(),
      level: z.number(),
      retired: z.boolean(),
      summary: localized,
      publishedAt: z.string(),
    }),
  ),
})

export const publishedRegion = regionDetail.extend({ notified: z.number() })

export const regionDraftResponse = z.object({
  country: z.string(),
  id: z.string(),
  code: z.string().nullable(),
  name: localized,
  level: z.number(),
  summary: localized,
  advice: adviceText,
  area: z.unknown().nullable(),
  draftedAt: z.string(),
  draftedBy: z.string().nullable(),
})

export type RegionDraftBody = z.infer<typeof regionDraftBody>
