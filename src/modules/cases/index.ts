export { casesRoutes } from './cases.routes.ts'
export type { Contact } from './contact.schema.ts'
export { exportHelpRequests, type HelpRequest, recordHelpRequest } from './help.service.ts'
export { slaJob, slaJobType } from './sla.job.ts'
