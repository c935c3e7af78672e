import { z } from 'zod'
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
import { CHANNELS } from './contact.enums.ts'
import { helpOnContact } from './help.schema.ts'

export * from './contact.enums.ts'
export type Channel = (typeof CHANNELS)[number]

export const contactBody = z
  .strictObject({
    channel: z.enum(CHANNELS),
    caller: z.strictObject({
      phone: z.string().max(40).optional().describe('E.164; spaces and a 00 prefix are tolerated'),
      name: z.string().trim().min(1).max(200).optional(),
      personId: z.uuid().optional().describe('a registered person'),
    }),
    summary: z.string().trim().min(1).max(4000),
    lat: lat.optional(),
    lon: lon.optional(),
    caseId: z.uuid().optional().describe('the open case this contact belongs to'),
  })
  .refine(pointTogether, pointMessage)
export type ContactBody = z.infer<typeof contactBody>

export const contactQuery = z.strictObject({
  caller: z.string().max(40).optional().describe('E.164 (URL-encode the +): the caller look-up'),
  since: z.iso.datetime().optional(),
  channel: z.enum(CHANNELS).optional(),
  open: queryFlag.optional().describe('only contacts not yet linked to a case'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
})
export type ContactQuery = z.infer<typeof contactQuery>

export const contactResponse = z.object({
  id: z.string(),
  receivedAt: z.string(),
  kind: z.enum(['contact', 'help_request']),
  channel: z.enum(CHANNELS),
  priority: z.string().nullable().describe('P1 for help requests from the app'),
  caller: z.object({
    phone: z.string().nullable(),
    name: z.string().nullable(),
    personId: z.string().nullable(),
  }),
  person: personSummary.omit({ places: true, whereNow: true }).nullable(),
  summary: z.string(),
  location: latLon.nullable(),
  locationSource: z.enum(['given', 'registry']).nullable(),
  country: z.string().nullable(),
  mission: missionRef.nullable(),
  caseId: z.string().nullable(),
  takenBy: actor.nullable().describe('the member of staff who recorded it; null when it came from the app'),
  help: helpOnContact.nullable().describe('for a help request (SOS): its reference, status and who has it'),
})
export type Contact = z.infer<typeof contactResponse>

export const openCaseBrief = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.string(),
  status: z.string(),
  priority: z.string(),
})

export const contactList = z.object({
  person: personSummary
    .extend({ openCases: z.array(openCaseBrief) })
    .nullable()
    .describe('the registered person with the caller phone (null without ?caller= or when unknown)'),
  contacts: z.array(contactResponse),
  nextCursor: z.string().nullable(),
})

export const linkContactBody = z.strictObject({ contactId: z.uuid() })
