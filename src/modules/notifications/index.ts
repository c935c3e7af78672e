export { type DeliveryStats, deliveredTo, deliveryStats } from './delivery-stats.ts'
export { dispatchJob } from './dispatch.job.ts'
export { exportNotifications } from './inbox.service.ts'
export {
  type About,
  ANY_ACTION,
  actionLink,
  actionPurpose,
  signAction,
  verifyActionSignature,
} from './message-actions.ts'
export { notificationRoutes } from './notifications.routes.ts'
export { type Localized, type MessageInput, notify } from './notify.ts'
export { pushJob } from './push.job.ts'
export { pushRoutes } from './push.routes.ts'
export { smsJob } from './sms.job.ts'
export { webhookJob } from './webhook.job.ts'
export { webhookRoutes } from './webhook.routes.ts'
