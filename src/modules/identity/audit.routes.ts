import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { listAudit } from '../../platform/audit/audit.ts'
import { auditList, auditQuery } from './audit.schema.ts'
import { ACCESS } from './role.ts'

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ACCESS.admins },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (page with `before`)',
        querystring: auditQuery,
        response: { 200: auditList },
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
