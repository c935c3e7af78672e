import type { AppContext } from '../../context.ts'
import { channelJob, channelJobPayload } from './channel.runner.ts'
import { webhookDriver } from './webhook.delivery.ts'

export const webhookJobType = { name: 'notifications.webhook', payload: channelJobPayload }

/** Sends a message's queued webhook deliveries to their recipients' endpoints. */
export function webhookJob(ctx: AppContext) {
  return channelJob(ctx, webhookJobType, webhookDriver(ctx))
}
