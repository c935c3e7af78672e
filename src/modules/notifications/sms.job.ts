import type { AppContext } from '../../context.ts'
import { channelJob } from './channel.runner.ts'
import { smsJobType } from './notify.ts'
import { smsDriver } from './sms.delivery.ts'

/** Sends a message's queued text messages through the SMS gateway. */
export function smsJob(ctx: AppContext) {
  return channelJob(ctx, smsJobType, smsDriver(ctx))
}
