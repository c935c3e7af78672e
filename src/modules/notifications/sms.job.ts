import type { AppContext } from '../../context.ts'
import { channelJob, channelJobPayload } from './channel.runner.ts'
import { smsDriver } from './sms.delivery.ts'

export const smsJobType = { name: 'notifications.sms', payload: channelJobPayload }

/** Sends a message's queued text messages through the SMS gateway. */
export function smsJob(ctx: AppContext) {
  return channelJob(ctx, smsJobType, smsDriver(ctx))
}
