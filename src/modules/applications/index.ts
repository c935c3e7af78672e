export { countPendingApplications } from './application.desk.ts'
export { myApplicationRoutes } from './application.routes.ts'
export { batchRoutes } from './batch.routes.ts'
export { type ApplicationForBooking, applicationForBooking } from './booking-link.ts'
export { seedDemoCatalogue } from './catalogue.demo.ts'
export { catalogueRoutes } from './catalogue.routes.ts'
export { paymentRoutes } from './payment.routes.ts'
export {
  applicationPurgeJob,
  applicationPurgeJobType,
  dropUnusedBlobs,
  forgetApplicant,
  purgeApplicationFiles,
} from './purge.job.ts'
export { registerRoutes } from './register.routes.ts'
export { reviewRoutes } from './review.routes.ts'
