export { caseHoldsBlob } from './case/attachment.repository.ts'
export { slaJob, slaJobType } from './case/sla.job.ts'
export { casesRoutes } from './cases.routes.ts'
export {
  type CaseCountFilter,
  countCases,
  countOpenHelpRequests,
  countUnlinkedContacts,
  type PersonCase,
  type PersonContact,
  personCaseHistory,
  personOnVisibleCase,
  type WaitingItem,
  waitingOnDesk,
} from './desk/desk.service.ts'
export type { Contact } from './hotline/contact.schema.ts'
export { exportHelpRequests, type HelpRequest, recordHelpRequest } from './hotline/help.service.ts'
export { openSiteCase, recordSiteContact, type SiteOrigin } from './hotline/site-report.service.ts'
