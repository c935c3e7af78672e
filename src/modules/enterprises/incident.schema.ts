import { z } from 'zod'
import { INCIDENT_KINDS } from './enterprises.enums.ts'

export const incidentBody = z.strictObject({
  siteId: z.uuid(),
  kind: z.enum(INCIDENT_KINDS),
  summary: z.string().trim().min(1).max(4000),
})
export type IncidentBody = z.infer<typeof incidentBody>

export const incidentCreated = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  caseId: z.uuid().optional().describe('a case is opened for severe kinds (kidnapping, attack, unrest)'),
})
