import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { polygon } from '../../platform/geo/geojson.schema.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { ACCESS } from '../identity/index.ts'
import { countryCode } from '../reference/reference.schema.ts'
import { type PeopleQuery, peopleCsv, revealPassport, searchPeople, viewPerson } from './people.service.ts'
import { isoDate } from './registrations.schema.ts'

const person = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  nameZh: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  passportNumber: z.string().nullable(),
  places: z.array(
    z.object({
      source: z.string(),
      country: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
  ),
  dependants: z
    .array(
      z.object({
        id: z.string(),
        relation: z.string(),
        nameLatin: z.string(),
        nameZh: z.string().nullable(),
        dateOfBirth: z.string(),
        sex: z.string().nullable(),
        passportNumber: z.string().nullable().describe('masked'),
      }),
    )
    .describe('family members on a trip with the person (in a search: on a trip that matches it)'),
})
const result = z.object({
  count: z.number().describe('accounts found'),
  dependants: z.number().describe('dependants travelling with them on matching trips'),
  heads: z.number().describe('count + dependants: the people to account for'),
  people: z.array(person),
})
const common = {
  on: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  format: z.enum(['json', 'csv']).default('json'),
}

export const peopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['people']

  /** Both searches answer alike: JSON with the count, or every row shown as a CSV download. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    query: PeopleQuery & { format: 'json' | 'csv' },
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
    {
      config: { access: ACCESS.officers },
      schema: {
        tags,
        summary: 'Registered people in my jurisdiction, by country and name/phone/passport/e-mail (audited)',
        querystring: z.strictObject({
          country: countryCode.optional(),
          q: z.string().max(100).optional(),
          ...common,
        }),
        response: { 200: result },
      },
    },
    async (request, reply) => answer(request, reply, request.query),
  )

  app.post(
    '/api/v1/people/search',
    {
      config: { access: ACCESS.officers },
      schema: {
        tags,
        summary: 'Registered people inside a GeoJSON polygon in my jurisdiction (audited)',
        body: z.strictObject({ area: polygon, q: z.string().max(100).optional(), ...common }),
        response: { 200: result },
      },
    },
    async (request, reply) => answer(request, reply, request.body),
  )

  app.get(
    '/api/v1/people/:id',
    {
      config: { access: ACCESS.officers },
      schema: {
        tags,
        summary: 'One person (audited)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: person },
      },
    },
    async (request) => viewPerson(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.post(
    '/api/v1/people/:id/passport',
    {
      config: { access: ACCESS.officers },
      schema: {
        tags,
        summary: 'Reveal the full passport number (audited)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.object({ passportNumber: z.string().nullable() }) },
      },
    },
    async (request) => revealPassport(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
