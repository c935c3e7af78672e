import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import {
  calendar,
  calendarBody,
  locationList,
  locationQuery,
  missionParams,
  slotList,
  slotsQuery,
} from './calendar.schema.ts'
import { getCalendar, listLocations, listSlots, saveCalendar } from './calendar.service.ts'

/** A mission's calendar (its officers and the admins) and its slots (anyone). */
export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['appointments']
  app.get(
    '/api/v1/missions/:code/calendar',
    routeOptions(
      ACCESS.calendarKeepers,
      tags,
      "A location's appointment calendar (the main counter hall by default)",
      {
        params: missionParams,
        querystring: locationQuery,
        response: { 200: calendar },
      },
    ),
    async (request) =>
      getCalendar(ctx, requirePrincipal(request), request.params.code, request.query.location),
  )
  app.put(
    '/api/v1/missions/:code/calendar',
    routeOptions(
      ACCESS.calendarKeepers,
      tags,
      'Replace the time zone, weekly hours, closed dates, services, horizon and notice (bookings stay; audited)',
      { params: missionParams, querystring: locationQuery, body: calendarBody, response: { 200: calendar } },
    ),
    async (request) =>
      saveCalendar(
        ctx,
        requirePrincipal(request),
        request.params.code,
        request.query.location ?? MAIN_LOCATION,
        request.body,
        request.ip,
      ),
  )
  app.get(
    '/api/v1/missions/:code/slots',
    routeOptions(
      'public',
      tags,
      'Every slot of a service between two local dates, full ones with available 0',
      {
        params: missionParams,
        querystring: slotsQuery,
        response: { 200: slotList },
      },
    ),
    async (request) => listSlots(ctx, request.params.code, request.query),
  )
  app.get(
    '/api/v1/missions/:code/locations',
    routeOptions(
      'public',
      tags,
      "A mission's booking locations (main counter hall first) and their services",
      {
        params: missionParams,
        response: { 200: locationList },
      },
    ),
    async (request) => listLocations(ctx, request.params.code),
  )
}
