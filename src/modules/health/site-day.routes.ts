import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  bookingParams,
  callNextBody,
  checkedIn,
  coverage,
  coverageQuery,
  dayList,
  dayQuery,
  siteParams,
  stockBody,
  stockList,
  stockMoved,
  ticketCalled,
  transferBody,
  wasteBody,
  worldCoverage as worldCoverageSchema,
} from './campaign.schema.ts'
import { coverageOf, worldCoverage, worldCoverageCsv } from './coverage.service.ts'
import { callNextAtSite, checkInAtSite, clinicianDay } from './day.service.ts'
import { receiveStock, siteStock, transferStock, wasteStock } from './stock.service.ts'

/** Spring Sprout at the site and at HQ: the day's bookings and queue, stock, coverage. */
export const siteDayRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['health']

  app.get(
    '/api/v1/health/sites/:id/day',
    routeOptions(
      ACCESS.clinicians,
      tags,
      "My site's vaccination bookings of a day with their screening (audited)",
      {
        params: siteParams,
        querystring: dayQuery,
        response: { 200: dayList },
      },
    ),
    async (request) =>
      clinicianDay(ctx, requirePrincipal(request), request.params.id, request.query.date, request.ip),
  )
  app.post(
    '/api/v1/health/sites/:id/bookings/:appointmentId/check-in',
    routeOptions(ACCESS.clinicians, tags, "Check a booking of my site in: a ticket in the mission's queue", {
      params: bookingParams,
      response: { 200: checkedIn },
    }),
    async (request) =>
      checkInAtSite(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.params.appointmentId,
        request.ip,
      ),
  )
  app.post(
    '/api/v1/health/sites/:id/queue/next',
    routeOptions(ACCESS.clinicians, tags, 'Call the next checked-in ticket to my desk', {
      params: siteParams,
      body: callNextBody,
      response: { 200: ticketCalled },
    }),
    async (request) =>
      callNextAtSite(ctx, requirePrincipal(request), request.params.id, request.body.counter),
  )
  app.post(
    '/api/v1/health/sites/:id/stock',
    routeOptions(ACCESS.healthStaff, tags, 'Doses of a lot received at the site', {
      params: siteParams,
      body: stockBody,
      response: { 201: stockMoved },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await receiveStock(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )
  app.post(
    '/api/v1/health/sites/:id/stock/waste',
    routeOptions(ACCESS.healthStaff, tags, 'Doses of a lot wasted, with the reason', {
      params: siteParams,
      body: wasteBody,
      response: { 201: stockMoved },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await wasteStock(ctx, requirePrincipal(request), request.params.id, request.body, request.ip)),
  )
  app.post(
    '/api/v1/health/sites/:id/stock/transfers',
    routeOptions(ACCESS.healthStaff, tags, 'Doses of a lot sent to another site', {
      params: siteParams,
      body: transferBody,
      response: { 201: stockMoved },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await transferStock(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )
  app.get(
    '/api/v1/health/sites/:id/stock',
    routeOptions(
      ACCESS.healthStaff,
      tags,
      "The site's lots: received, used, wasted, left; low and expiring flagged",
      {
        params: siteParams,
        response: { 200: stockList },
      },
    ),
    async (request) => siteStock(ctx, requirePrincipal(request), request.params.id),
  )
  app.get(
    '/api/v1/health/coverage',
    routeOptions(
      ACCESS.coverageReaders,
      tags,
      'Vaccination coverage of a country: registered, vaccinated, doses; by site and week',
      {
        querystring: coverageQuery,
        response: { 200: coverage },
      },
    ),
    async (request) => coverageOf(ctx, requirePrincipal(request), request.query.country),
  )
  app.get(
    '/api/v1/health/coverage/world',
    routeOptions(
      ACCESS.coverageReaders,
      tags,
      'Coverage of every country with a vaccination site (the world map)',
      {
        response: { 200: worldCoverageSchema },
      },
    ),
    async (request) => worldCoverage(ctx, requirePrincipal(request)),
  )
  app.get(
    '/api/v1/health/coverage.csv',
    routeOptions(ACCESS.coverageReaders, tags, 'Coverage of every country with a vaccination site (CSV)'),
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="vaccination-coverage.csv"')
        .send(await worldCoverageCsv(ctx, requirePrincipal(request))),
  )
}
