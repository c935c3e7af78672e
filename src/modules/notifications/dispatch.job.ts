import type { AppContext } from '../../context.ts'
import { channelJob } from './channel.runner.ts'
import { emailDriver } from './email.delivery.ts'
import { dispatchJobType } from './notify.ts'

/** Sends a message's queued e-mail; failures are retried with back-off by a later job. */
export function dispatchJob(ctx: AppContext) {
  return channelJob(ctx, dispatchJobType, emailDriver(ctx))
}
