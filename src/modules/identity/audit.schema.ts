import { z } from 'zod'

export const auditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})

export const auditList = z.array(auditEntry)

export const auditQuery = z.strictObject({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export type AuditEntry = z.infer<typeof auditEntry>
