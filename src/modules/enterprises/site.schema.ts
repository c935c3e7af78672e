import { z } from 'zod'
import { polygonal } from '../../platform/geo/geojson.schema.ts'
import { countryCode } from '../reference/reference.schema.ts'
import { phoneSchema } from '../registrations/phone.schema.ts'
import { SITE_KINDS } from './enterprises.enums.ts'

const count = z.int().min(0).max(1_000_000)

export const staffCounts = z.strictObject({ chinese: count, local: count, other: count })
export const securityOfficer = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: phoneSchema,
  email: z.email().max(254),
})
export const securityMeasures = z.strictObject({
  guards: z.boolean().optional(),
  perimeter: z.boolean().optional(),
  safeRoom: z.boolean().optional(),
  medical: z.boolean().optional(),
  evacuationPlan: z.boolean().optional(),
  notes: z.string().trim().max(2000).optional(),
})

export const siteBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SITE_KINDS),
  country: countryCode,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  area: polygonal.optional().describe('the site drawn as a polygon (GeoJSON), besides its point'),
  staff: staffCounts,
  securityOfficer,
  measures: securityMeasures.optional(),
})
export type SiteBody = z.infer<typeof siteBody>

export const siteParams = z.strictObject({ id: z.uuid(), siteId: z.uuid() })
export const staffSiteParams = z.strictObject({ id: z.uuid() })

const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

export const advisoryLevel = z.object({
  /** The country's level (0–3), null when none was ever published. */
  country: z.int().nullable(),
  /** The highest level of a published region the site lies in, with its name. */
  region: z.object({ key: z.string(), level: z.int(), name: localized }).nullable(),
})

export const site = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterprise: z.object({ name: z.string(), nameZh: z.string() }),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  area: z.unknown().nullable(),
  staff: z.object({ chinese: z.int(), local: z.int(), other: z.int() }),
  securityOfficer: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  measures: securityMeasures,
  advisory: advisoryLevel,
  /** The latest self-assessment score of the enterprise, if any. */
  assessmentScore: z.int().nullable(),
  /** The roster kept here, and who on it holds a valid pre-departure training (coverage 0–100, null when empty). */
  training: z.object({ roster: z.int(), trained: z.int(), coverage: z.int().nullable() }),
  /** The evacuation plan uploaded (a PDF), if any. */
  evacuationPlan: z.object({ name: z.string(), size: z.int(), uploadedAt: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Site = z.infer<typeof site>
export const siteList = z.array(site)

export const staffSitesQuery = z.strictObject({
  country: countryCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
})
export type StaffSitesQuery = z.infer<typeof staffSitesQuery>
export const staffSiteList = z.object({ items: z.array(site), nextCursor: z.uuid().nullable() })

export const sitesByCountry = z.array(
  z.object({
    country: z.string(),
    /** The country's advisory level, null when none was published. */
    level: z.int().nullable(),
    sites: z.int(),
    enterprises: z.int(),
    staff: z.int(),
  }),
)
export const staffSitesExportQuery = z.strictObject({ country: countryCode.optional() })
