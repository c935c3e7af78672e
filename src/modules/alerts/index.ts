export { alertRoutes } from './alert.routes.ts'
export { fanoutJob, fanoutJobType } from './alert.send.ts'
export { alertMeRoutes } from './alert-me.routes.ts'
