import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { alertIdParams } from './alert.schema.ts'
import { alertSiteList, headcountBody, headcountCreated, mySiteAlerts } from './alert-site.schema.ts'
import { alertSites, mySiteAlerts as mySiteAlertsOf, reportHeadcount } from './alert-site.service.ts'

/** Alerts and enterprise sites: the headcount a site reports, the board's sites, the enterprise's alerts. */
export const alertSiteRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['alerts']
  app.post(
    '/api/v1/alerts/:id/headcounts',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      "A site's headcount (its enterprise's members); a later one replaces it; someone missing opens a case",
      { params: alertIdParams, body: headcountBody, response: { 201: headcountCreated } },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reportHeadcount(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )
  app.get(
    '/api/v1/alerts/:id/sites',
    routeOptions(ACCESS.hotline, tags, 'The enterprise sites the alert reached, with their headcounts', {
      params: alertIdParams,
      response: { 200: alertSiteList },
    }),
    async (request) => alertSites(ctx, requirePrincipal(request), request.params.id),
  )
  app.get(
    '/api/v1/me/site-alerts',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      "Alerts that reached my enterprises' sites, with each site's headcount",
      { response: { 200: mySiteAlerts } },
    ),
    async (request) => mySiteAlertsOf(ctx, requirePrincipal(request)),
  )
}
