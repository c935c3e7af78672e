import { z } from 'zod'
import { polygon } from '../../../platform/geo/geojson.schema.ts'
import { countryCode } from '../../reference/reference.schema.ts'
import { lat, lon } from '../common.schema.ts'
import { CRISIS_STATUSES, LEG_MODES, PERSON_STATUSES } from './crisis.enums.ts'

export * from './crisis.enums.ts'

export const personStatus = z.enum(PERSON_STATUSES)

export const createCrisisBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: countryCode,
  area: polygon.describe('GeoJSON Polygon, [lon, lat] positions'),
  startsAt: z.iso.datetime({ offset: true }).optional().describe('defaults to now'),
})
export type CreateCrisisBody = z.infer<typeof createCrisisBody>

export const crisisQuery = z.strictObject({
  status: z.enum(CRISIS_STATUSES).optional(),
})

export const linkCaseBody = z.strictObject({ caseId: z.uuid() })

export const linkAlertBody = z.strictObject({
  alertId: z.uuid().describe('an alert I may see, a draft included'),
})

export const assemblyPointBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  lat,
  lon,
  opensAt: z.iso.datetime({ offset: true }).optional(),
})
export type AssemblyPointBody = z.infer<typeof assemblyPointBody>

export const legBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  mode: z.enum(LEG_MODES),
  fromPointId: z.uuid().describe('the assembly point it leaves from'),
  destination: z.string().trim().min(1).max(200),
  departsAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().min(1).max(100_000),
})
export type LegBody = z.infer<typeof legBody>

export const assemblyPoint = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  opensAt: z.string().nullable(),
  checkedIn: z.number().describe('people whose status is checked_in here'),
})

export const leg = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(LEG_MODES),
  fromPointId: z.string(),
  destination: z.string(),
  departsAt: z.string(),
  capacity: z.number(),
  boarded: z.number(),
})

const byStatus = z.record(z.string(), z.number())

export const crisis = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  area: polygon,
  startsAt: z.string(),
  status: z.enum(CRISIS_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
})
export type Crisis = z.infer<typeof crisis>

export const crisisDetail = crisis.extend({
  counts: z.object({
    peopleInArea: z.number().describe('people registered in the area now'),
    people: byStatus.describe('people of the manifest by crisis status'),
    cases: byStatus.describe('linked cases by case status'),
    casesTotal: z.number(),
    contacts: z.number().describe('linked contacts'),
  }),
  assemblyPoints: z.array(assemblyPoint),
  legs: z.array(leg),
  alertIds: z.array(z.string()).describe('alerts linked to the crisis, oldest link first'),
})
export type CrisisDetail = z.infer<typeof crisisDetail>

export const crisisList = z.object({ crises: z.array(crisis) })
