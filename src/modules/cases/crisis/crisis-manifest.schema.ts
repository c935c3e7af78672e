import { z } from 'zod'
import { leg, personStatus } from './crisis.schema.ts'

export const manifestQuery = z.strictObject({
  status: personStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
})
export type ManifestQuery = z.infer<typeof manifestQuery>

export const manifestCsvQuery = manifestQuery.pick({ status: true })

export const manifestPerson = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  nameZh: z.string().nullable(),
  phone: z.string().nullable(),
  inArea: z.boolean().describe('the registry places the person in the area now'),
  where: z
    .object({ lat: z.number(), lon: z.number(), source: z.enum(['residence', 'trip', 'location']) })
    .nullable(),
  dependants: z.number().describe('dependants registered on the trip that places the person here'),
  status: personStatus,
  assemblyPointId: z.string().nullable(),
  legId: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  answer: z
    .string()
    .nullable()
    .describe("the person's latest answer to the crisis's alerts: safe, need_help or not_in_area"),
  answeredAt: z.string().nullable(),
})
export type ManifestPerson = z.infer<typeof manifestPerson>

export const manifest = z.object({
  crisis: z.object({ id: z.string(), name: z.string(), country: z.string(), status: z.string() }),
  counts: z.object({
    peopleInArea: z.number(),
    total: z.number().describe('people on the manifest: in the area now, or with a status in the crisis'),
    byStatus: z.record(z.string(), z.number()),
  }),
  legs: z.array(leg),
  people: z.array(manifestPerson),
  nextCursor: z.string().nullable(),
})
export type Manifest = z.infer<typeof manifest>

export const personParams = z.strictObject({ id: z.uuid(), personId: z.uuid() })

export const setStatusBody = z.strictObject({
  status: personStatus,
  assemblyPointId: z.uuid().optional().describe('with checked_in: where'),
  legId: z.uuid().optional().describe('with boarded: which leg'),
  note: z.string().trim().max(2000).optional(),
})
export type SetStatusBody = z.infer<typeof setStatusBody>

export const personStatusResponse = z.object({
  personId: z.string(),
  status: personStatus,
  assemblyPointId: z.string().nullable(),
  legId: z.string().nullable(),
  history: z.array(
    z.object({
      status: personStatus,
      assemblyPointId: z.string().nullable(),
      legId: z.string().nullable(),
      note: z.string().nullable(),
      byPerson: z.boolean(),
      actorId: z.string().nullable(),
      at: z.string(),
    }),
  ),
})
export type PersonStatusResponse = z.infer<typeof personStatusResponse>

export const citizenStatusBody = z.strictObject({
  status: z.enum(['safe', 'needs_help', 'wants_to_leave']),
  note: z.string().trim().max(2000).optional(),
})
export type CitizenStatusBody = z.infer<typeof citizenStatusBody>

export const myCrises = z.object({
  crises: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      country: z.string(),
      startsAt: z.string(),
      myStatus: personStatus,
    }),
  ),
})
