import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from './context.ts'
import { listSubscriptions } from './modules/advisories/index.ts'
import { dropUnusedBlobs, forgetApplicant } from './modules/applications/index.ts'
import { exportHelpRequests } from './modules/cases/index.ts'
import { exportEnterprises } from './modules/enterprises/index.ts'
import {
  ACCESS,
  clearSessionCookie,
  deleteAccount,
  exportAccount,
  SIGNED_IN,
} from './modules/identity/index.ts'
import { exportNotifications } from './modules/notifications/index.ts'
import { exportRegistration } from './modules/registrations/index.ts'
import { recordAudit } from './platform/audit/audit.ts'
import { requirePrincipal } from './platform/http/access.ts'

/** A person's own data across modules: see it all, take it away, delete it. */
export const privacyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/me/export',
    { config: { access: SIGNED_IN }, schema: { tags: ['privacy'], summary: 'All my data as JSON' } },
    async (request, reply) => {
      const userId = requirePrincipal(request).userId
      const user = await exportAccount(ctx.db, userId)
      const data = {
        exportedAt: new Date().toISOString(),
        account: { ...user, created_at: new Date(user.created_at).toISOString() },
        ...(await exportRegistration(ctx, userId)),
        subscriptions: await listSubscriptions(ctx, userId),
        notifications: await exportNotifications(ctx, userId),
        helpRequests: await exportHelpRequests(ctx, userId),
        enterprises: await exportEnterprises(ctx, userId),
      }
      return reply.header('content-disposition', 'attachment; filename="lingshi-my-data.json"').send(data)
    },
  )

  app.delete(
    '/api/v1/me',
    {
      config: { access: ACCESS.registered },
      schema: { tags: ['privacy'], summary: 'Delete my account and everything kept about me' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request)
      const files = await ctx.db.transaction().execute(async (trx) => {
        const hashes = await forgetApplicant(trx, principal.userId)
        await deleteAccount(trx, principal.userId)
        await recordAudit(trx, {
          actorId: principal.userId,
          actorRoles: principal.roles,
          action: 'person.deleted',
          subjectType: 'person',
          subjectId: principal.userId,
          ip: request.ip,
        })
        return hashes
      })
      // The bytes go once the deletion is committed (a file removed cannot be rolled back).
      await dropUnusedBlobs(ctx, files)
      clearSessionCookie(reply, ctx.config)
      return reply.status(204).send()
    },
  )
}
