import type { AppContext } from './context.ts'
import { subscriberMailJob } from './modules/advisories/index.ts'
import { fanoutJob, feedPollJob } from './modules/alerts/index.ts'
import { applicationPurgeJob } from './modules/applications/index.ts'
import { holdJob, reminderJob } from './modules/appointments/index.ts'
import { slaJob } from './modules/cases/index.ts'
import { assessmentReminderJob } from './modules/enterprises/index.ts'
import { forgotPasswordJob, loginCodeJob, sessionPurgeJob } from './modules/identity/index.ts'
import { directJob, dispatchJob, pushJob, smsJob, webhookJob } from './modules/notifications/index.ts'
import { purgeJob } from './modules/registrations/index.ts'

/** Every module's background jobs, defined on the queue before it starts. */
export function defineJobs(ctx: AppContext): void {
  ctx.queue.define(dispatchJob(ctx))
  ctx.queue.define(directJob(ctx))
  ctx.queue.define(pushJob(ctx))
  ctx.queue.define(smsJob(ctx))
  ctx.queue.define(webhookJob(ctx))
  ctx.queue.define(purgeJob(ctx))
  ctx.queue.define(sessionPurgeJob(ctx))
  ctx.queue.define(forgotPasswordJob(ctx))
  ctx.queue.define(loginCodeJob(ctx))
  ctx.queue.define(applicationPurgeJob(ctx))
  ctx.queue.define(slaJob(ctx))
  ctx.queue.define(fanoutJob(ctx))
  ctx.queue.define(subscriberMailJob(ctx))
  ctx.queue.define(feedPollJob(ctx))
  ctx.queue.define(holdJob(ctx))
  ctx.queue.define(reminderJob(ctx))
  ctx.queue.define(assessmentReminderJob(ctx))
}
