import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { claimQueued } from './delivery.repository.ts'
import { pushJobType } from './notify.ts'
import { deliverPush } from './push.delivery.ts'
import { createPushSender } from './push.sender.ts'
import { earliest } from './retry.ts'
import { vapidDetails } from './vapid.service.ts'

const BATCH = 100
/** Deliveries sent at once: push services answer in tens of milliseconds, one by one would crawl. */
const CONCURRENCY = 10

/** Sends a message's queued web push deliveries in batches; trouble is retried by a later job. */
export function pushJob(ctx: AppContext) {
  const send = createPushSender(ctx.config.push, () => vapidDetails(ctx))
  return defineJob({
    ...pushJobType,
    retryLimit: 3,
    async handle({ messageId }) {
      let retryAt: Date | null = null
      for (;;) {
        const batch = await claimQueued(ctx.db, messageId, 'push', BATCH)
        if (batch.length === 0) break
        for (let i = 0; i < batch.length; i += CONCURRENCY) {
          const group = batch.slice(i, i + CONCURRENCY)
          for (const at of await Promise.all(group.map((d) => deliverPush(ctx, send, d))))
            retryAt = earliest(retryAt, at)
        }
      }
      if (retryAt) await ctx.queue.send(pushJobType, { messageId }, { startAfter: retryAt })
    },
  })
}
