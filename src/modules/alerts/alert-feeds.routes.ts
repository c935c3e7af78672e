import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { ingestCapXml, ingestFeed } from './alert.ingest.ts'
import { alertDetail, alertIdParams } from './alert.schema.ts'
import {
  alertsAtomQuery,
  capXmlBody,
  countryAtomParams,
  countryAtomQuery,
  feedIngestQuery,
  feedKindParams,
  hazardFeedBody,
  ingestSummary,
  publicAlertList,
  publicAlertsQuery,
} from './alert-public.schema.ts'
import { activePublicAlerts, capOf, publicAlertsAtom } from './alert-public.service.ts'
import { capNotXmlMedia } from './cap/cap.errors.ts'

/** CAP messages and hazard feeds can be large; 10 MiB covers a month of USGS quakes. */
const FEED_BODY_LIMIT = 10 * 1_048_576
const XML_TYPES = ['application/cap+xml', 'application/xml', 'text/xml', 'application/rss+xml']

export const alertFeedRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['alerts']
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: FEED_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  )
  const base = (request: { protocol: string; host: string }) =>
    (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '')

  app.post(
    '/api/v1/alerts/cap',
    {
      config: { access: ACCESS.officers },
      bodyLimit: FEED_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Ingest a CAP 1.2 XML message (application/cap+xml or application/xml) as a draft; 201, or 200 if already held',
        body: capXmlBody,
        response: { 200: alertDetail, 201: alertDetail },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw capNotXmlMedia('Send the CAP message as application/cap+xml or application/xml')
      const result = await ingestCapXml(ctx, requirePrincipal(request), request.body)
      return reply.status(result.created ? 201 : 200).send(result.alert)
    },
  )

  app.post(
    '/api/v1/alerts/feeds/:kind',
    {
      config: { access: ACCESS.dutyOfficers },
      bodyLimit: FEED_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Ingest a USGS GeoJSON summary feed or a GDACS RSS feed: each item a draft alert',
        params: feedKindParams,
        querystring: feedIngestQuery,
        body: hazardFeedBody,
        response: { 200: ingestSummary },
      },
    },
    async (request) =>
      ingestFeed(ctx, requirePrincipal(request), request.params.kind, request.body, {
        minMagnitude: request.query.minMagnitude,
      }),
  )

  app.get(
    '/api/v1/alerts/:id.cap',
    routeOptions('public', tags, 'The alert as CAP 1.2 XML (public alerts for anyone; others for staff)', {
      params: alertIdParams,
    }),
    async (request, reply) =>
      reply
        .type('application/cap+xml; charset=utf-8')
        .send(await capOf(ctx, request.principal, request.params.id)),
  )

  app.get(
    '/api/v1/feeds/alerts.atom',
    routeOptions('public', tags, 'Atom feed of public alerts as CAP, global or for one country', {
      querystring: alertsAtomQuery,
    }),
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(await publicAlertsAtom(ctx, base(request), request.query.country, request.query.lang)),
  )

  app.get(
    '/api/v1/feeds/alerts/:country.atom',
    routeOptions('public', tags, 'Atom feed of one country’s public alerts as CAP', {
      params: countryAtomParams,
      querystring: countryAtomQuery,
    }),
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(
          await publicAlertsAtom(
            ctx,
            base(request),
            request.params.country.toUpperCase(),
            request.query.lang,
          ),
        ),
  )

  app.get(
    '/api/v1/public/alerts',
    routeOptions('public', tags, 'Public alerts in force, for a country page or the map', {
      querystring: publicAlertsQuery,
      response: { 200: publicAlertList },
    }),
    async (request) => ({ items: await activePublicAlerts(ctx, request.query.country) }),
  )
}
