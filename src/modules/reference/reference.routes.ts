import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import {
  countryAtResponse,
  countryDetail,
  countryList,
  countryParams,
  latLonQuery,
  missionAtResponse,
  missionDetail,
  missionList,
  missionParams,
} from './reference.schema.ts'
import {
  getCountry,
  getMission,
  listCountries,
  listMissions,
  locateCountry,
  locateMission,
} from './reference.service.ts'

export const referenceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['reference']
  const cache = { 'cache-control': 'public, max-age=300' }

  app.get(
    '/api/v1/countries',
    routeOptions('public', tags, 'Every ISO 3166-1 country, in zh-CN and English', {
      response: { 200: countryList },
    }),
    async (_request, reply) => reply.headers(cache).send(await listCountries(ctx)),
  )

  app.get(
    '/api/v1/countries/:code',
    routeOptions('public', tags, 'One country', {
      params: countryParams,
      response: { 200: countryDetail },
    }),
    async (request) => getCountry(ctx, request.params.code),
  )

  app.get(
    '/api/v1/missions',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Embassies and consulates', response: { 200: missionList } },
    },
    async (_request, reply) => reply.headers(cache).send(await listMissions(ctx)),
  )

  app.get(
    '/api/v1/missions/:code',
    routeOptions('public', tags, 'One mission with its consular district', {
      params: missionParams,
      response: { 200: missionDetail },
    }),
    async (request) => getMission(ctx, request.params.code),
  )

  app.get(
    '/api/v1/geo/country-at',
    routeOptions('public', tags, 'The country a coordinate lies in', {
      querystring: latLonQuery,
      response: { 200: countryAtResponse },
    }),
    async (request) => locateCountry(ctx, request.query.lat, request.query.lon),
  )

  app.get(
    '/api/v1/geo/mission-at',
    routeOptions('public', tags, 'The mission whose consular district holds a coordinate', {
      querystring: latLonQuery,
      response: { 200: missionAtResponse },
    }),
    async (request) => locateMission(ctx, request.query.lat, request.query.lon),
  )
}
