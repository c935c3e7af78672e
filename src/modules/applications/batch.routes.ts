import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  batchCreateBody,
  batchParams,
  batchQuery,
  productionBatch,
  productionBatches,
} from './batch.schema.ts'
import { createBatch, listProductionBatches, openBatchArchive } from './batch.service.ts'

/** Production batches: approved, paid applications exported in one archive each, and sent to production. */
export const batchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']
  const access = ACCESS.officers

  app.post(
    '/api/v1/production-batches',
    routeOptions(
      access,
      tags,
      "Export my mission's approved and paid applications in one archive and move them to in_production",
      { body: batchCreateBody, response: { 201: productionBatch } },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createBatch(ctx, requirePrincipal(request), request.body.mission, request.ip)),
  )
  app.get(
    '/api/v1/production-batches',
    routeOptions(access, tags, "My missions' production batches, newest first", {
      querystring: batchQuery,
      response: { 200: productionBatches },
    }),
    async (request) => listProductionBatches(ctx.db, requirePrincipal(request), request.query.mission),
  )
  app.get(
    '/api/v1/production-batches/:id/archive',
    routeOptions(access, tags, "A batch's archive (ZIP), the same bytes each time (audited)", {
      params: batchParams,
    }),
    async (request, reply) => {
      const { bytes, name } = await openBatchArchive(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.ip,
      )
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes)
    },
  )
}
