import { z } from 'zod'
import { missionRef } from '../common.schema.ts'

const counts = { open: z.number(), slaBreached: z.number(), visitsOverdue: z.number() }

export const AGE_BUCKETS = ['under_1h', '1h_24h', '1d_7d', 'over_7d'] as const

export const board = z.object({
  ...counts,
  byMission: z.array(z.object({ mission: missionRef.nullable().describe('null: the duty desk'), ...counts })),
  byType: z.array(z.object({ type: z.string(), ...counts })),
  byPriority: z.array(z.object({ priority: z.string(), ...counts })),
  byAge: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), ...counts })),
})
export type Board = z.infer<typeof board>

export const statsQuery = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .default(() => new Date().getUTCFullYear()),
})

export const stats = z.object({
  year: z.number(),
  contactsReceived: z.number(),
  helpRequests: z.number(),
  casesOpened: z.number(),
  casesHandled: z.number().describe('cases resolved in the year'),
  peopleRescued: z
    .number()
    .describe(
      'on cases resolved in the year: the rescued count given on resolution, else the people on a kidnapping, missing-person or disaster case',
    ),
  contactsPerHour: z.array(z.object({ hour: z.string(), count: z.number() })).describe('the last 24 hours'),
})
export type Stats = z.infer<typeof stats>
