export { caseHoldsBlob } from './case/attachment.repository.ts'
export type { CreateCaseBody } from './case/case.schema.ts'
export { createCase, listCases } from './case/case.service.ts'
export { putDetention } from './case/detention.service.ts'
export { openReferredCase, type Referral } from './case/referral.service.ts'
export { slaJob, slaJobType } from './case/sla.job.ts'
export { casesRoutes } from './cases.routes.ts'
export { closeCrisis, createCrisis, linkAlertToCrisis } from './crisis/crisis.service.ts'
export { getManifest } from './crisis/crisis-manifest.service.ts'
export { addAssemblyPoint, setPersonStatus } from './crisis/evacuation.service.ts'
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
