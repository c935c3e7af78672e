import type { alertSiteList, mySiteAlerts } from '@server/alerts/alert-site.schema.ts'
import type { AssessmentResult, assessmentTemplate } from '@server/enterprises/assessment.schema.ts'
import type { Enterprise } from '@server/enterprises/enterprise.schema.ts'
import type { Site, SiteBody } from '@server/enterprises/site.schema.ts'
import type { z } from 'zod'

export type { AssessmentResult, Enterprise, Site, SiteBody }
export type Template = z.infer<typeof assessmentTemplate>
export type SiteAlert = z.infer<typeof mySiteAlerts>[number]
export type AlertSite = z.infer<typeof alertSiteList>[number]
