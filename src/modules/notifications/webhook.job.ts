import type { AppContext } from '../../context.ts'
import { channelJob } from './channel.runner.ts'
import { webhookJobType } from './notify.ts'
import { webhookDriver } from './webhook.delivery.ts'

/** Sends a message's queued webhook deliveries to their recipients' endpoints. */
export function webhookJob(ctx: AppContext) {
  return channelJob(ctx, webhookJobType, webhookDriver(ctx))
}
