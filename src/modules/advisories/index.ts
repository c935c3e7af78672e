export { advisoryRoutes } from './advisories.routes.ts'
export { publishDraft, saveDraft } from './advisory.service.ts'
export { listSubscriptions, subscribersOf } from './subscription.service.ts'
