import type { alertSiteList, mySiteAlerts } from '@server/alerts/alert-site.schema.ts'
import type {
  AssessmentResult,
  assessmentDue,
  assessmentTemplate,
} from '@server/enterprises/assessment.schema.ts'
import type { Enterprise } from '@server/enterprises/enterprise.schema.ts'
import type { enterpriseGuidance } from '@server/enterprises/guidance.schema.ts'
import type { Site, SiteBody } from '@server/enterprises/site.schema.ts'
import type { StaffMember, trainingOverview } from '@server/enterprises/staff.schema.ts'
import type { z } from 'zod'

export type { AssessmentResult, Enterprise, Site, SiteBody, StaffMember }
export type TrainingOverview = z.infer<typeof trainingOverview>
export type EnterpriseGuidance = z.infer<typeof enterpriseGuidance>
export type Template = z.infer<typeof assessmentTemplate>
export type SiteAlert = z.infer<typeof mySiteAlerts>[number]
export type AlertSite = z.infer<typeof alertSiteList>[number]
export type AssessmentDue = z.infer<typeof assessmentDue>
