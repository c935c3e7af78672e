export { slaJob, slaJobType } from './case/sla.job.ts'
export { casesRoutes } from './cases.routes.ts'
export type { Contact } from './hotline/contact.schema.ts'
export { exportHelpRequests, type HelpRequest, recordHelpRequest } from './hotline/help.service.ts'
