import type { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { passExpiredHold } from './handover.ts'
import { holdJobType } from './hold.job-type.ts'

/** At a hold's expiry: an unconfirmed hold passes to the next in line (nothing when it was confirmed). */
export function holdJob(ctx: AppContext) {
  return defineJob({
    ...holdJobType,
    retryLimit: 5,
    async handle(data: z.infer<typeof holdJobType.payload>) {
      await passExpiredHold(ctx, data.appointmentId)
    },
  })
}
