export { myApplicationRoutes } from './application.routes.ts'
export { seedDemoCatalogue } from './catalogue.demo.ts'
export { catalogueRoutes } from './catalogue.routes.ts'
export { reviewRoutes } from './review.routes.ts'
