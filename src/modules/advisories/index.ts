export { advisoryRoutes } from './advisories.routes.ts'
export { publishDraft, saveDraft } from './advisory.service.ts'
export { listSubscriptions } from './subscription.service.ts'
