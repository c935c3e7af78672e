import type { AppContext } from '../../context.ts'
import { channelJob, channelJobPayload } from './channel.runner.ts'
import { emailDriver } from './email.delivery.ts'

/** The e-mail channel's job (named "dispatch" since it was the only channel; queued jobs keep the name). */
export const dispatchJobType = { name: 'notifications.dispatch', payload: channelJobPayload }

/** Sends a message's queued e-mail; failures are retried with back-off by a later job. */
export function dispatchJob(ctx: AppContext) {
  return channelJob(ctx, dispatchJobType, emailDriver(ctx))
}
