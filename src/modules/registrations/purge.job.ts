import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'

export const purgeJobType = { name: 'registrations.purge', payload: z.object({}) }

/** Deletes trips and locations that ended more than `retentionDays` ago. Safe to run any time. */
export async function purgeExpired(ctx: AppContext): Promise<{ trips: number; locations: number }> {
  const days = ctx.config.retentionDays
  const trips = await ctx.db
    .deleteFrom('trips')
    .where('end_date', '<', sql<string>`(current_date - make_interval(days => ${days}))::date`)
    .executeTakeFirst()
  const locations = await ctx.db
    .deleteFrom('current_locations')
    .where('recorded_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst()
  return { trips: Number(trips.numDeletedRows), locations: Number(locations.numDeletedRows) }
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
