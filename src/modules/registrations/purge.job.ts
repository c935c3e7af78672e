import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { deleteLocationsOlderThan } from './location.repository.ts'
import { deleteTripsEndedBefore } from './trip.repository.ts'

export const purgeJobType = { name: 'registrations.purge', payload: z.object({}) }

/** Deletes trips and locations that ended more than `retentionDays` ago. Safe to run any time. */
export async function purgeExpired(ctx: AppContext): Promise<{ trips: number; locations: number }> {
  const days = ctx.config.retentionDays
  const trips = await deleteTripsEndedBefore(ctx.db, days)
  const locations = await deleteLocationsOlderThan(ctx.db, days)
  return { trips, locations }
}

export function purgeJob(ctx: AppContext) {
  return defineJob({
    ...purgeJobType,
    async handle() {
      const purged = await purgeExpired(ctx)
      ctx.log.info(purged, 'purged expired trips and locations')
    },
  })
}
