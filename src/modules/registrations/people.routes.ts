import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  type PeopleQuery,
  peopleQuery,
  peopleResult,
  peopleSearchBody,
  person,
  personIdParams,
  revealedPassport,
} from './people.schema.ts'
import { type PeopleCriteria, peopleCsv, revealPassport, searchPeople, viewPerson } from './people.service.ts'

export const peopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['people']

  /** Both searches answer alike: JSON with the count, or every row shown as a CSV download. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    query: PeopleCriteria & { format: PeopleQuery['format'] },
  ) {
    const found = await searchPeople(ctx, requirePrincipal(request), query, request.ip)
    if (query.format === 'json') return found
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="people.csv"')
      .serializer(String)
      .send(peopleCsv(found.people))
  }

  app.get(
    '/api/v1/people',
    routeOptions(
      ACCESS.officers,
      tags,
      'Registered people in my jurisdiction, by country and name/phone/passport/e-mail (audited)',
      {
        querystring: peopleQuery,
        response: { 200: peopleResult },
      },
    ),
    async (request, reply) => answer(request, reply, request.query),
  )

  app.post(
    '/api/v1/people/search',
    routeOptions(
      ACCESS.officers,
      tags,
      'Registered people inside a GeoJSON polygon in my jurisdiction (audited)',
      {
        body: peopleSearchBody,
        response: { 200: peopleResult },
      },
    ),
    async (request, reply) => answer(request, reply, request.body),
  )

  app.get(
    '/api/v1/people/:id',
    routeOptions(ACCESS.officers, tags, 'One person (audited)', {
      params: personIdParams,
      response: { 200: person },
    }),
    async (request) => viewPerson(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.post(
    '/api/v1/people/:id/passport',
    routeOptions(ACCESS.officers, tags, 'Reveal the full passport number (audited)', {
      params: personIdParams,
      response: { 200: revealedPassport },
    }),
    async (request) => revealPassport(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
