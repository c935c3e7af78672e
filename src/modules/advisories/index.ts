export { advisoryRoutes } from './advisories.routes.ts'
export { countPendingAdvisories } from './advisory.desk.ts'
export { publishDraft, saveDraft } from './advisory.service.ts'
export { emailSubscriptionRoutes } from './email-subscription.routes.ts'
export {
  mailCountrySubscribers,
  type SubscriberMail,
  subscriberMailJob,
} from './email-subscription.service.ts'
export { levelsAt, type PlaceLevel } from './level-at.ts'
export { subscribersOf } from './subscription.repository.ts'
export { listSubscriptions } from './subscription.service.ts'
