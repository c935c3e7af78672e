import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { notFound } from '../../platform/errors/app-error.ts'
import {
  country,
  countryCode,
  countryDetail,
  latLonQuery,
  mission,
  missionDetail,
} from './reference.schema.ts'
import {
  countryAt,
  getCountry,
  getMission,
  listCountries,
  listMissions,
  missionAt,
  missionNames,
} from './reference.service.ts'

export const referenceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['reference']
  const cache = { 'cache-control': 'public, max-age=300' }

  app.get(
    '/api/v1/countries',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every ISO 3166-1 country, in zh-CN and English',
        response: { 200: z.array(country) },
      },
    },
    async (_request, reply) => reply.headers(cache).send(await listCountries(ctx)),
  )

  app.get(
    '/api/v1/countries/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One country',
        params: z.strictObject({ code: countryCode }),
        response: { 200: countryDetail },
      },
    },
    async (request) => getCountry(ctx, request.params.code),
  )

  app.get(
    '/api/v1/missions',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Embassies and consulates', response: { 200: z.array(mission) } },
    },
    async (_request, reply) => reply.headers(cache).send(await listMissions(ctx)),
  )

  app.get(
    '/api/v1/missions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One mission with its consular district',
        params: z.strictObject({ code: z.string().max(40) }),
        response: { 200: missionDetail },
      },
    },
    async (request) => getMission(ctx, request.params.code),
  )

  app.get(
    '/api/v1/geo/country-at',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The country a coordinate lies in',
        querystring: latLonQuery,
        response: { 200: z.object({ code: z.string() }) },
      },
    },
    async (request) => {
      const code = await countryAt(ctx.db, request.query.lat, request.query.lon)
      if (!code) throw notFound('geo.no_country', 'No country at this point (open sea?)')
      return { code }
    },
  )

  app.get(
    '/api/v1/geo/mission-at',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The mission whose consular district holds a coordinate',
        querystring: latLonQuery,
        response: {
          200: z.object({ code: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string() }) }),
        },
      },
    },
    async (request) => {
      const code = await missionAt(ctx.db, request.query.lat, request.query.lon)
      if (!code) throw notFound('geo.no_mission', 'No consular district covers this point')
      const name = (await missionNames(ctx.db, [code])).get(code)!
      return { code, name }
    },
  )
}
