import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS, SIGNED_IN } from '../identity/index.ts'
import {
  advisoryDetail,
  advisoryList,
  countryParams,
  draftBody,
  draftList,
  draftResponse,
  feedQuery,
  publishedAdvisory,
  subscribeBody,
  subscriptionList,
} from './advisories.schema.ts'
import {
  getAdvisory,
  getDraft,
  listAdvisories,
  listDrafts,
  publishDraft,
  saveDraft,
} from './advisory.service.ts'
import { advisoriesAtom } from './atom.ts'
import { feedEntries } from './feed.service.ts'
import { regionRoutes } from './region.routes.ts'
import { listSubscriptions, subscribe, unsubscribe } from './subscription.service.ts'

export const advisoryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['advisories']

  app.get(
    '/api/v1/advisories',
    routeOptions('public', tags, 'Every country with its current risk level', {
      response: { 200: advisoryList },
    }),
    async () => listAdvisories(ctx),
  )
  app.get(
    '/api/v1/advisories/drafts',
    routeOptions(
      ACCESS.officers,
      tags,
      'The countries I may draft for ("all" for duty officers) and the drafts waiting there',
      {
        response: { 200: draftList },
      },
    ),
    async (request) => listDrafts(ctx, requirePrincipal(request)),
  )
  app.get(
    '/api/v1/advisories/:country',
    routeOptions('public', tags, 'One country: level, advice, history', {
      params: countryParams,
      response: { 200: advisoryDetail },
    }),
    async (request) => getAdvisory(ctx, request.params.country),
  )
  app.get(
    '/api/v1/advisories/:country/draft',
    {
      config: { access: ACCESS.officers },
      schema: { tags, summary: 'The open draft', params: countryParams, response: { 200: draftResponse } },
    },
    async (request) => getDraft(ctx, requirePrincipal(request), request.params.country),
  )
  app.put(
    '/api/v1/advisories/:country',
    routeOptions(
      ACCESS.officers,
      tags,
      'Write the draft (officers of missions covering the country, duty officers)',
      {
        params: countryParams,
        body: draftBody,
        response: { 200: draftResponse },
      },
    ),
    async (request) => saveDraft(ctx, requirePrincipal(request), request.params.country, request.body),
  )
  app.post(
    '/api/v1/advisories/:country/publish',
    routeOptions(
      ACCESS.dutyOfficers,
      tags,
      'Publish the draft and notify subscribers and people registered there',
      {
        params: countryParams,
        response: { 200: publishedAdvisory },
      },
    ),
    async (request) => publishDraft(ctx, requirePrincipal(request), request.params.country),
  )
  await app.register(regionRoutes, { ctx })

  app.get(
    '/api/v1/feeds/advisories.atom',
    routeOptions('public', tags, 'Atom feed of advisory changes, countries and regions', {
      querystring: feedQuery,
    }),
    async (request, reply) => {
      const base = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`
      const xml = advisoriesAtom(await feedEntries(ctx, 50), request.query.lang, base.replace(/\/$/, ''))
      return reply.type('application/atom+xml; charset=utf-8').send(xml)
    },
  )

  app.get(
    '/api/v1/me/subscriptions',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Countries I follow', response: { 200: subscriptionList } },
    },
    async (request) => listSubscriptions(ctx, requirePrincipal(request).userId),
  )
  app.post(
    '/api/v1/me/subscriptions',
    routeOptions(SIGNED_IN, tags, 'Follow a country (201 when new, 200 when already followed)', {
      body: subscribeBody,
      response: { 200: subscriptionList, 201: subscriptionList },
    }),
    async (request, reply) => {
      const r = await subscribe(ctx, requirePrincipal(request).userId, request.body.country)
      return reply.status(r.created ? 201 : 200).send(r.subscriptions)
    },
  )
  app.delete(
    '/api/v1/me/subscriptions/:country',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Stop following a country', params: countryParams },
    },
    async (request, reply) => {
      await unsubscribe(ctx, requirePrincipal(request).userId, request.params.country)
      return reply.status(204).send()
    },
  )
}
