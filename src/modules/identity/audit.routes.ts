import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { listAudit } from '../../platform/audit/audit.ts'
import { ACCESS } from './role.ts'

const auditEntry = z.object({
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

const auditQuery = z.strictObject({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ACCESS.admins },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (page with `before`)',
        querystring: auditQuery,
        response: { 200: z.array(auditEntry) },
      },
    },
    async (request) => {
      const q = request.query
      const rows = await listAudit(ctx.db, { ...q, before: q.before ? new Date(q.before) : undefined })
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorRoles: r.actor_roles,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        ip: r.ip,
        details: r.details,
      }))
    },
  )
}
