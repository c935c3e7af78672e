export { alertRoutes } from './alert.routes.ts'
export { fanoutJob, fanoutJobType } from './alert.send.ts'
export { alertFeedRoutes } from './alert-feeds.routes.ts'
export { alertMeRoutes } from './alert-me.routes.ts'
