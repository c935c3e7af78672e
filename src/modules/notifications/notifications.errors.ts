import { moduleErrors } from '../../platform/errors/app-error.ts'

/**
 * Every error the notifications module answers with, and its HTTP status. The webhook URL checks
 * (webhook.address.ts) name their own codes, all 400.
 */
const STATUS = {
  'inbox.not_found': 404,
  'push.subscription_invalid': 400,
  'push.endpoint_not_allowed': 400,
  'push.too_many_subscriptions': 409,
  'push.subscription_not_found': 404,
  'webhook.too_many_endpoints': 409,
  'webhook.not_found': 404,
} as const

export type NotificationErrorCode = keyof typeof STATUS

/** An error of this module: its status follows from its code. */
export const notificationError = moduleErrors(STATUS)
