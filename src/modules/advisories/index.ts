export { advisoryRoutes } from './advisories.routes.ts'
export { publishDraft, saveDraft } from './advisory.service.ts'
export { subscribersOf } from './subscription.repository.ts'
export { listSubscriptions } from './subscription.service.ts'
