import type { AppContext } from '../../context.ts'
import { type ChannelDriver, channelJob, channelJobPayload } from './channel.runner.ts'
import { deliverPush } from './push.delivery.ts'
import { createPushSender } from './push.sender.ts'
import { vapidDetails } from './vapid.service.ts'

export const pushJobType = { name: 'notifications.push', payload: channelJobPayload }

/** Push services answer in tens of milliseconds: deliveries go out ten at a time per lane. */
const LANES = 2
const BATCH = 10

/** Sends a message's queued web push deliveries; trouble is retried by a later job. */
export function pushJob(ctx: AppContext) {
  const send = createPushSender(ctx.config.push, () => vapidDetails(ctx))
  const driver: ChannelDriver = {
    channel: 'push',
    lanes: LANES,
    batch: BATCH,
    bucket: null,
    async deliver(batch) {
      return new Map(
        await Promise.all(batch.map(async (d) => [d.id, await deliverPush(ctx, send, d)] as const)),
      )
    },
  }
  return channelJob(ctx, pushJobType, driver)
}
