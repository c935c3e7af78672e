import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { citizenStatusBody, myCrises, personStatusResponse } from './crisis-manifest.schema.ts'
import { myCrises as findMyCrises, setMyStatus } from './crisis-me.service.ts'

export const crisisMeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['crises']

  app.get(
    '/api/v1/me/crises',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Active crises where I am registered in the area, with my status ("are you safe?")',
      {
        response: { 200: myCrises },
      },
    ),
    async (request) => findMyCrises(ctx, requirePrincipal(request).userId),
  )

  app.post(
    '/api/v1/me/crises/:id/status',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Answer in a crisis: safe, needs_help (a P1 help request to the hotline) or wants_to_leave',
      {
        params: idParams,
        body: citizenStatusBody,
        response: { 200: personStatusResponse },
      },
    ),
    async (request) => setMyStatus(ctx, requirePrincipal(request).userId, request.params.id, request.body),
  )
}
