import { z } from 'zod'
import { countryCode } from '../../reference/reference.schema.ts'
import {
  actor,
  lat,
  latLon,
  lon,
  missionRef,
  personSummary,
  pointMessage,
  pointTogether,
  queryFlag,
} from '../common.schema.ts'
import { attachment } from './attachment.schema.ts'
import { CASE_STATUSES } from './case-status.ts'
import { CASE_TYPES, PRIORITIES } from './case-types.ts'

const answerValue = z.union([z.string().max(500), z.number(), z.boolean()])

export const createCaseBody = z
  .strictObject({
    type: z.enum(CASE_TYPES),
    summary: z.string().trim().min(1).max(4000),
    country: countryCode.optional().describe('where it happened, when no point is known'),
    lat: lat.optional(),
    lon: lon.optional(),
    contactId: z.uuid().optional().describe('the contact this case comes from (linked to it)'),
    people: z
      .array(z.union([z.strictObject({ phone: z.string().max(40) }), z.strictObject({ personId: z.uuid() })]))
      .max(50)
      .optional()
      .describe('the people concerned: registered people by id, or anyone by phone'),
    needToKnow: z.boolean().optional().describe('kidnapping cases are always need-to-know'),
    team: z.array(z.uuid()).max(20).optional().describe('staff who may see a need-to-know case'),
    answers: z
      .record(z.string().max(60), answerValue)
      .refine((a) => Object.keys(a).length <= 50, 'at most 50 answers')
      .optional()
      .describe(
        'guided intake answers; lifeThreatening, injured, minorInvolved, peopleCount move the priority',
      ),
    force: z
      .boolean()
      .optional()
      .describe('create even when an open case of the same person and type exists'),
  })
  .refine(pointTogether, pointMessage)
export type CreateCaseBody = z.infer<typeof createCaseBody>

const slaBreached = z
  .object({ kind: z.enum(['firstResponse', 'update']), at: z.string() })
  .nullable()
  .describe('the latest missed target, cleared by the next response from staff')

export const caseSummary = z.object({
  id: z.string(),
  reference: z.string().describe('C-<year>-<number>'),
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(PRIORITIES),
  summary: z.string(),
  country: z.string().nullable(),
  location: latLon.nullable(),
  mission: missionRef.nullable().describe('null: no mission covers the place; the duty desk handles it'),
  assignee: actor.nullable(),
  needToKnow: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: actor.nullable(),
  firstResponseAt: z.string().nullable(),
  firstResponseDue: z.string(),
  updateDue: z.string().nullable(),
  slaBreached,
  slaMisses: z.number(),
  nextVisitDue: z.string().nullable(),
  visitOverdue: z.boolean(),
  rescued: z.number().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
})
export type CaseSummary = z.infer<typeof caseSummary>

export const timelineEntry = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string().describe('when it happened'),
  recordedAt: z.string(),
  by: actor.nullable().describe('null: the system'),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})

export const detentionResponse = z.object({
  arrestedAt: z.string(),
  authorityNotifiedAt: z.string().nullable(),
  facility: z.string(),
  charges: z.string(),
  lawyer: z.string().nullable(),
  trialDates: z.array(z.string()),
  updatedAt: z.string(),
})

export const caseDetail = caseSummary.extend({
  answers: z.record(z.string(), z.unknown()),
  /** The enterprise site it was opened from (a headcount's missing person, a severe incident). */
  siteId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  people: z.array(
    z.object({
      personId: z.string().nullable(),
      phone: z.string().nullable(),
      person: personSummary.nullable(),
      emergencyContacts: z
        .array(z.object({ name: z.string(), phone: z.string(), relation: z.string() }))
        .describe("the registered person's emergency contacts (empty for a phone only)"),
    }),
  ),
  team: z.array(actor),
  detention: detentionResponse.nullable(),
  attachments: z.array(attachment).describe('files, oldest first; removed ones included'),
  timeline: z.array(timelineEntry),
})
export type CaseDetail = z.infer<typeof caseDetail>

export const caseQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  mission: z.string().max(40).optional(),
  type: z.enum(CASE_TYPES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  open: queryFlag.optional().describe('true: not resolved or closed'),
  slaBreached: queryFlag.optional(),
  visitOverdue: queryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
})
export type CaseQuery = z.infer<typeof caseQuery>

/** The export takes the list's filters, without its paging. */
export const caseExportQuery = caseQuery.omit({ limit: true, cursor: true })
export type CaseExportQuery = z.infer<typeof caseExportQuery>

export const caseList = z.object({ items: z.array(caseSummary), nextCursor: z.string().nullable() })

export const EVENT_KINDS = [
  'note',
  'call',
  'status',
  'assignment',
  'task',
  'visit',
  'priority',
  'team',
] as const

export const eventBody = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  note: z.string().trim().min(1).max(8000).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  assigneeId: z.uuid().nullable().optional().describe('assignment: the member of staff; null unassigns'),
  memberId: z.uuid().optional().describe('team: the member of staff to add or remove'),
  remove: z.boolean().optional().describe('team: remove memberId instead of adding'),
  at: z.iso.datetime({ offset: true }).optional().describe('visit: when it took place; task: when it is due'),
  priority: z.enum(PRIORITIES).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  rescued: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .describe('status resolved: people brought to safety'),
})
export type EventBody = z.infer<typeof eventBody>

export const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' })

export const detentionBody = z.strictObject({
  arrestedAt: z.iso.datetime({ offset: true }),
  authorityNotifiedAt: z.iso.datetime({ offset: true }).nullable(),
  facility: z.string().trim().min(1).max(500),
  charges: z.string().trim().min(1).max(2000),
  lawyer: z.string().trim().min(1).max(500).nullable().optional(),
  trialDates: z.array(isoDate).max(50).optional(),
})
export type DetentionBody = z.infer<typeof detentionBody>
