import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { type Access, requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import {
  cityList,
  citySearchQuery,
  countryAtResponse,
  countryDetail,
  countryList,
  countryParams,
  latLonQuery,
  missionAtResponse,
  missionContactsBody,
  missionDetail,
  missionList,
  missionParams,
} from './reference.schema.ts'
import {
  editMissionContacts,
  getCountry,
  getMission,
  listCountries,
  listMissions,
  locateCountry,
  locateMission,
  searchCities,
} from './reference.service.ts'

/** A mission's own officers (scoped in the service) and the administrators. */
const MISSION_EDITORS: Access = { roles: ['officer', 'admin'] }

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
    '/api/v1/cities',
    routeOptions(
      'public',
      tags,
      'World cities (GeoNames, 1,000 people or more) by the start of their name, for a trip destination',
      { querystring: citySearchQuery, response: { 200: cityList } },
    ),
    async (request, reply) => reply.headers(cache).send(await searchCities(ctx, request.query)),
  )

  app.patch(
    '/api/v1/missions/:code',
    routeOptions(
      MISSION_EDITORS,
      tags,
      "Change a mission's office phone, 24-hour consular protection line, e-mail or opening hours (its officers, administrators)",
      { params: missionParams, body: missionContactsBody, response: { 200: missionDetail } },
    ),
    async (request) => editMissionContacts(ctx, requirePrincipal(request), request.params.code, request.body),
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
