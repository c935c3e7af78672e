import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { linkContactBody } from '../hotline/contact.schema.ts'
import {
  createCrisisBody,
  crisisDetail,
  crisisList,
  crisisQuery,
  linkAlertBody,
  linkCaseBody,
} from './crisis.schema.ts'
import {
  closeCrisis,
  createCrisis,
  getCrisis,
  linkAlertToCrisis,
  linkToCrisis,
  listCrises,
} from './crisis.service.ts'

/** Crises: duty officers and operators see every one, officers those of their missions' countries. */
export const crisisRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['crises']

  app.post(
    '/api/v1/crises',
    routeOptions(
      ACCESS.officers,
      tags,
      'Open a crisis event: a country, an area (GeoJSON Polygon touching it) and a start',
      {
        body: createCrisisBody,
        response: { 201: crisisDetail },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createCrisis(ctx, requirePrincipal(request), request.body, request.ip)),
  )

  app.get(
    '/api/v1/crises',
    routeOptions(ACCESS.hotline, tags, 'Crises I may see, newest first', {
      querystring: crisisQuery,
      response: { 200: crisisList },
    }),
    async (request) => listCrises(ctx, requirePrincipal(request), request.query.status),
  )

  app.get(
    '/api/v1/crises/:id',
    routeOptions(
      ACCESS.hotline,
      tags,
      'One crisis with counts (people in the area by status, linked cases and contacts), points and legs',
      {
        params: idParams,
        response: { 200: crisisDetail },
      },
    ),
    async (request) => getCrisis(ctx, requirePrincipal(request), request.params.id),
  )

  app.post(
    '/api/v1/crises/:id/close',
    routeOptions(ACCESS.officers, tags, 'Close the crisis (409 if already closed)', {
      params: idParams,
      response: { 200: crisisDetail },
    }),
    async (request) => closeCrisis(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.post(
    '/api/v1/crises/:id/cases',
    routeOptions(ACCESS.hotline, tags, 'Link a case I may see to the crisis (again: no change)', {
      params: idParams,
      body: linkCaseBody,
      response: { 201: crisisDetail },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkToCrisis(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )

  app.post(
    '/api/v1/crises/:id/contacts',
    routeOptions(ACCESS.hotline, tags, 'Link a contact I may see to the crisis (again: no change)', {
      params: idParams,
      body: linkContactBody,
      response: { 201: crisisDetail },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkToCrisis(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )

  app.post(
    '/api/v1/crises/:id/alerts',
    routeOptions(
      ACCESS.officers,
      tags,
      'Link an alert I may see (a draft too) to the crisis: the manifest shows answers to it (again: no change)',
      {
        params: idParams,
        body: linkAlertBody,
        response: { 201: crisisDetail },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkAlertToCrisis(
            ctx,
            requirePrincipal(request),
            request.params.id,
            request.body.alertId,
            request.ip,
          ),
        ),
  )
}
