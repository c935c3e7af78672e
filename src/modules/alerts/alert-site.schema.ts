import { z } from 'zod'

const count = z.int().min(0).max(1_000_000)

/** `POST /api/v1/alerts/{id}/headcounts`: the site's people by state (over the total is refused, 422). */
export const headcountBody = z.strictObject({
  siteId: z.uuid(),
  total: count,
  safe: count,
  injured: count,
  missing: count,
})
export type HeadcountBody = z.infer<typeof headcountBody>

export const headcount = z.object({
  total: z.int(),
  safe: z.int(),
  injured: z.int(),
  missing: z.int(),
  reportedAt: z.string(),
  /** The missing_person case the report opened (when someone is missing). */
  caseId: z.string().nullable(),
})

export const headcountCreated = headcount.extend({ alertId: z.uuid(), siteId: z.uuid() })

const siteCard = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  enterpriseId: z.uuid(),
  enterprise: z.object({ name: z.string(), nameZh: z.string() }),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  staff: z.int(),
  securityOfficer: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
})

/** The alert board's sites: each one reached, with its headcount or null (not reported yet). */
export const alertSiteList = z.array(siteCard.extend({ headcount: headcount.nullable() }))

const localizedTitle = z.object({ event: z.string(), headline: z.string() })

/** The enterprise's side: alerts that reached my enterprises' sites, each site with my report. */
export const mySiteAlerts = z.array(
  z.object({
    alertId: z.uuid(),
    status: z.string(),
    severity: z.string(),
    sentAt: z.string().nullable(),
    titles: z.object({ 'zh-CN': localizedTitle, en: localizedTitle }),
    sites: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        enterprise: z.object({ name: z.string(), nameZh: z.string() }),
        staff: z.int(),
        headcount: headcount.nullable(),
      }),
    ),
  }),
)
