export { assessmentReminderJob, sendAssessmentReminders } from './assessment-reminder.job.ts'
export { isValidCreditCode } from './credit-code.ts'
export { enterpriseRoutes } from './enterprise.routes.ts'
export { DEMO_CREDIT_CODE, seedEnterpriseDemo } from './enterprise.seed.ts'
export { exportEnterprises } from './enterprise.service.ts'
export {
  memberSiteIdsSql,
  type SiteCard,
  siteCards,
  siteContactsSql,
  siteOfMember,
  sitesInAreaSql,
} from './site.sql.ts'
