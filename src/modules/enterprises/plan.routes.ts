import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { attachmentDisposition } from '../../platform/http/content-disposition.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { openPlan, uploadPlan } from './plan.service.ts'
import { siteParams } from './site.schema.ts'

const planQuery = z.strictObject({ name: z.string().max(200).optional().describe('the file name to keep') })

/** A site's evacuation plan: a PDF sent as the request body, read back as a download. */
export const planRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['enterprises']
  // The body streams into the file store, which counts it against the limit itself.
  app.addContentTypeParser(
    'application/pdf',
    { bodyLimit: ctx.config.attachments.maxBytes + 1 },
    (_req, payload, done) => done(null, payload),
  )
  app.put(
    '/api/v1/enterprises/:id/sites/:siteId/plan',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      "Upload the site's evacuation plan (application/pdf; replaces the last)",
      {
        params: siteParams,
        querystring: planQuery,
        consumes: ['application/pdf'],
        response: { 200: z.object({ name: z.string(), size: z.int() }) },
      },
    ),
    async (request) =>
      uploadPlan(
        ctx,
        requirePrincipal(request),
        { enterpriseId: request.params.id, siteId: request.params.siteId },
        { stream: request.body as Readable, name: request.query.name },
        request.ip,
      ),
  )
  app.get(
    '/api/v1/enterprises/:id/sites/:siteId/plan',
    routeOptions(ACCESS.enterpriseReaders, tags, "Download the site's evacuation plan", {
      params: siteParams,
    }),
    async (request, reply) => {
      const plan = await openPlan(ctx, requirePrincipal(request), {
        enterpriseId: request.params.id,
        siteId: request.params.siteId,
      })
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', String(plan.size))
        .header('content-disposition', attachmentDisposition(plan.name))
        .send(plan.stream)
    },
  )
}
