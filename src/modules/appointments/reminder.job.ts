import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { passExpiredHolds } from './handover.ts'
import { sendDueReminders } from './reminder.ts'

export const reminderJobType = { name: 'appointments.reminders', payload: z.object({}) }

/** How often the sweep runs: a reminder goes out at most this late. */
const EVERY_MS = 5 * 60_000

/**
 * Every five minutes, one chain per deployment (a `stately` queue): the 24-hour reminders due,
 * and holds whose expiry job was lost (passed on to the next in line).
 */
export function reminderJob(ctx: AppContext) {
  const next = (startAfter?: Date) => ctx.queue.send(reminderJobType, {}, startAfter ? { startAfter } : {})
  return defineJob({
    ...reminderJobType,
    retryLimit: 0,
    policy: 'stately',
    async handle() {
      try {
        const reminded = await sendDueReminders(ctx)
        const passed = await passExpiredHolds(ctx)
        if (reminded || passed) ctx.log.info({ reminded, passed }, 'appointment reminders and holds')
      } finally {
        await next(new Date(Date.now() + EVERY_MS))
      }
    },
    async resume() {
      await next()
    },
  })
}
