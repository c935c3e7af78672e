import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { publicStatus, publicStatusQuery } from './application.schema.ts'
import { missionParams, service, serviceBody, serviceList, serviceParams } from './catalogue.schema.ts'
import { listServices, saveService } from './catalogue.service.ts'
import { mrzBody, mrzResult, parseTd3 } from './mrz.ts'
import { publicStatus as findPublicStatus } from './public.service.ts'

/** What anyone may ask: the catalogue of a mission, an MRZ read, a status by reference; and the admins' edit. */
export const catalogueRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']

  app.get(
    '/api/v1/missions/:code/services',
    routeOptions(
      'public',
      tags,
      'The document services a mission offers: fee, processing days, uploads, photo limits',
      {
        params: missionParams,
        response: { 200: serviceList },
      },
    ),
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return listServices(ctx, request.params.code)
    },
  )
  app.put(
    '/api/v1/missions/:code/services/:service',
    routeOptions(ACCESS.admins, tags, "Set one service of a mission's catalogue (audited)", {
      params: serviceParams,
      body: serviceBody,
      response: { 200: service },
    }),
    async (request) =>
      saveService(
        ctx,
        requirePrincipal(request),
        request.params.code,
        request.params.service,
        request.body,
        request.ip,
      ),
  )
  app.post(
    '/api/v1/mrz/parse',
    routeOptions(
      'public',
      tags,
      'Read the two MRZ lines of a passport (ICAO 9303 TD3) and check their digits',
      {
        body: mrzBody,
        response: { 200: mrzResult },
      },
    ),
    async (request) => parseTd3(request.body.mrz),
  )
  app.get(
    '/api/v1/public/applications/status',
    {
      config: {
        access: 'public',
        rateLimit: { max: ctx.config.rateLimits.authPerIpPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "An application's status by reference and the applicant's date of birth (nothing personal)",
        querystring: publicStatusQuery,
        response: { 200: publicStatus },
      },
    },
    async (request) => findPublicStatus(ctx, request.query.reference, request.query.dateOfBirth),
  )
}
