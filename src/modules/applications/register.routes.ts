import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { registerBody, registerEntry, registerQuery, registerSearch } from './register.schema.ts'
import { recordInvalidation, searchRegister } from './register.service.ts'

/** The register of invalidated documents: passports reported lost or stolen, searched by number. */
export const registerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']
  const access = ACCESS.officers

  app.get(
    '/api/v1/invalidated-documents',
    routeOptions(
      access,
      tags,
      'Look a passport number up on the register of invalidated documents (audited)',
      {
        querystring: registerQuery,
        response: { 200: registerSearch },
      },
    ),
    async (request) => searchRegister(ctx, requirePrincipal(request), request.query.number, request.ip),
  )
  app.post(
    '/api/v1/invalidated-documents',
    routeOptions(
      access,
      tags,
      'Put a passport on the register by hand (reported lost, stolen or otherwise void)',
      {
        body: registerBody,
        response: { 201: registerEntry },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordInvalidation(ctx, requirePrincipal(request), request.body, request.ip)),
  )
}
