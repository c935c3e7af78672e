import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { overview, personParams, personRecord as personRecordSchema } from './console.schema.ts'
import { consoleOverview } from './overview.service.ts'
import { personRecord } from './record.service.ts'

/** The console's composed views: the start page's numbers and a person's whole record. */
export const consoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['console']

  app.get(
    '/api/v1/console/overview',
    routeOptions(
      ACCESS.hotline,
      tags,
      'My start page: the numbers of my role, each with the console list behind it; open SOS and P1 cases waiting; alerts in progress',
      { response: { 200: overview } },
    ),
    async (request) => consoleOverview(ctx, requirePrincipal(request)),
  )

  app.get(
    '/api/v1/people/:id/record',
    routeOptions(
      ACCESS.hotline,
      tags,
      'A person’s record: profile, family, residence, trips, contacts, cases, alerts and answers (404 outside my districts and cases; audited)',
      { params: personParams, response: { 200: personRecordSchema } },
    ),
    async (request) => personRecord(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
