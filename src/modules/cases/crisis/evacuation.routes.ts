import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { assemblyPointBody, crisisDetail, legBody } from './crisis.schema.ts'
import {
  manifest,
  manifestCsvQuery,
  manifestQuery,
  personParams,
  personStatusResponse,
  setStatusBody,
} from './crisis-manifest.schema.ts'
import { exportManifest, getManifest } from './crisis-manifest.service.ts'
import { addAssemblyPoint, addLeg, setPersonStatus } from './evacuation.service.ts'

export const evacuationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['crises']

  app.post(
    '/api/v1/crises/:id/assembly-points',
    routeOptions(ACCESS.officers, tags, 'Add an assembly point', {
      params: idParams,
      body: assemblyPointBody,
      response: { 201: crisisDetail },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addAssemblyPoint(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )

  app.post(
    '/api/v1/crises/:id/legs',
    routeOptions(
      ACCESS.officers,
      tags,
      'Add a transport leg leaving from an assembly point, with its capacity',
      {
        params: idParams,
        body: legBody,
        response: { 201: crisisDetail },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await addLeg(ctx, requirePrincipal(request), request.params.id, request.body, request.ip)),
  )

  app.get(
    '/api/v1/crises/:id/manifest',
    routeOptions(
      ACCESS.hotline,
      tags,
      'The people registered in the area now (and anyone with a status in the crisis), with their status; paged by cursor (audited)',
      {
        params: idParams,
        querystring: manifestQuery,
        response: { 200: manifest },
      },
    ),
    async (request) =>
      getManifest(ctx, requirePrincipal(request), request.params.id, request.query, request.ip),
  )

  app.get(
    '/api/v1/crises/:id/manifest.csv',
    routeOptions(ACCESS.hotline, tags, 'The whole manifest as CSV, optionally one status (audited)', {
      params: idParams,
      querystring: manifestCsvQuery,
    }),
    async (request, reply) => {
      const csv = await exportManifest(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.query.status,
        request.ip,
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="manifest.csv"')
        .send(csv)
    },
  )

  app.post(
    '/api/v1/crises/:id/people/:personId',
    routeOptions(
      ACCESS.hotline,
      tags,
      "Set a person's status: checked_in with assemblyPointId, boarded with legId (409 crisis.leg_full), others alone (history kept, audited)",
      {
        params: personParams,
        body: setStatusBody,
        response: { 200: personStatusResponse },
      },
    ),
    async (request) =>
      setPersonStatus(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.params.personId,
        request.body,
        request.ip,
      ),
  )
}
