export { healthRoutes } from './health.routes.ts'
export { seedHealthDemo } from './health.seed.ts'
export { healthSiteOf } from './health.service.ts'
export { initPki, rotatePki } from './pki.ts'
