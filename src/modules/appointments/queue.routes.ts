import { Socket } from 'node:net'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'
import { idParams } from './booking.schema.ts'
import { findCalendar } from './calendar.repository.ts'
import { missionParams } from './calendar.schema.ts'
import { figures, figuresCsv, figuresQuery, missionFigures } from './figures.service.ts'
import { requireMission } from './mission-scope.ts'
import {
  checkInResponse,
  dayQuery,
  nextBody,
  nextResponse,
  publicQueue as publicQueueSchema,
  queueQuery,
  staffDay as staffDaySchema,
  ticketBody,
  ticketParams,
  ticketState,
  walkInBody,
} from './queue.schema.ts'
import {
  actOnTicket,
  callNext,
  checkIn,
  liftSuspension,
  publicQueue,
  staffDay,
  walkIn,
} from './queue.service.ts'
import { QueueFeeds } from './queue.stream.ts'

/** The day at the mission: its bookings, check-in, walk-ins, calling tickets; the waiting room's board and stream. */
export const queueRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['appointments']
  const access = ACCESS.officers
  const feeds = new QueueFeeds(ctx)
  const streams = new Set<() => void>()
  app.addHook('onClose', async () => {
    for (const end of streams) end()
    feeds.close()
  })

  app.get(
    '/api/v1/missions/:code/appointments',
    routeOptions(
      access,
      tags,
      "A mission's bookings of one local day, with the holder's name to check (audited)",
      {
        params: missionParams,
        querystring: dayQuery,
        response: { 200: staffDaySchema },
      },
    ),
    async (request) =>
      staffDay(
        ctx,
        requirePrincipal(request),
        request.params.code,
        request.query.date,
        request.query.location,
        request.ip,
      ),
  )
  app.post(
    '/api/v1/appointments/:id/check-in',
    routeOptions(access, tags, "Check a booking in on its day (the mission's time zone): a queue ticket", {
      params: idParams,
      response: { 200: checkInResponse },
    }),
    async (request) => checkIn(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
  app.post(
    '/api/v1/appointments/:id/lift-suspension',
    routeOptions(access, tags, "Lift the holder's no-show suspension of online booking (audited)", {
      params: idParams,
    }),
    async (request, reply) => {
      await liftSuspension(ctx, requirePrincipal(request), request.params.id, request.ip)
      return reply.status(204).send()
    },
  )
  app.post(
    '/api/v1/missions/:code/queue/walk-ins',
    routeOptions(access, tags, 'A ticket for someone without a booking', {
      params: missionParams,
      body: walkInBody,
      response: { 201: checkInResponse },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await walkIn(ctx, requirePrincipal(request), request.params.code, request.body.location)),
  )
  app.post(
    '/api/v1/missions/:code/queue/next',
    routeOptions(access, tags, 'Call the earliest checked-in ticket not yet called to this counter', {
      params: missionParams,
      body: nextBody,
      response: { 200: nextResponse },
    }),
    async (request) =>
      callNext(
        ctx,
        requirePrincipal(request),
        request.params.code,
        request.body.counter,
        request.body.location,
      ),
  )
  app.post(
    '/api/v1/missions/:code/queue/tickets/:ticket',
    routeOptions(
      access,
      tags,
      'Call a ticket again (missed after three calls), serve it, finish it or give it up',
      {
        params: ticketParams,
        body: ticketBody,
        response: { 200: ticketState },
      },
    ),
    async (request) =>
      actOnTicket(
        ctx,
        requirePrincipal(request),
        request.params.code,
        request.params.ticket,
        request.body.action,
        request.body.location,
      ),
  )
  app.get(
    '/api/v1/missions/:code/appointments/figures',
    routeOptions(
      access,
      tags,
      'Bookings, utilisation, no-show rate, waits and waitlist conversions for local dates',
      {
        params: missionParams,
        querystring: figuresQuery,
        response: { 200: figures },
      },
    ),
    async (request) => missionFigures(ctx, requirePrincipal(request), request.params.code, request.query),
  )
  app.get(
    '/api/v1/missions/:code/appointments/figures.csv',
    routeOptions(access, tags, 'The same figures as CSV', {
      params: missionParams,
      querystring: figuresQuery,
      produces: ['text/csv'],
    }),
    async (request, reply) => {
      const f = await missionFigures(ctx, requirePrincipal(request), request.params.code, request.query)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="appointments-${f.mission}-${f.from}-${f.to}.csv"`,
        )
        .send(figuresCsv(f))
    },
  )
  app.get(
    '/api/v1/public/missions/:code/queue',
    routeOptions('public', tags, "The waiting room's board: the latest calls and how many wait", {
      params: missionParams,
      querystring: queueQuery,
      response: { 200: publicQueueSchema },
    }),
    async (request) => publicQueue(ctx, request.params.code, request.query.location),
  )
  app.get(
    '/api/v1/public/missions/:code/queue/events',
    routeOptions('public', tags, 'Server-sent events: each call as data {ticket, counter, at}', {
      params: missionParams,
      querystring: queueQuery,
      produces: ['text/event-stream'],
    }),
    async (request, reply) => {
      const mission = request.params.code
      const location = request.query.location ?? MAIN_LOCATION
      await requireMission(ctx, mission)
      const cal = await findCalendar(ctx.db, mission, location)
      if (!cal)
        throw appointmentsError(
          'appointment.no_calendar',
          `${mission} has no calendar at location ${location}`,
        )
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      })
      res.write('retry: 3000\n: connected\n\n')
      // A stream needs a connection: a request injected in-process (tests) gets the opening only.
      if (!(request.raw.socket instanceof Socket)) {
        res.end()
        return
      }
      const off = feeds.listen(mission, location, cal.timezone, (c) => {
        res.write(`data: ${JSON.stringify(c)}\n\n`)
      })
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
      ping.unref()
      const end = () => {
        off()
        clearInterval(ping)
        streams.delete(end)
        if (!res.writableEnded) res.end()
      }
      streams.add(end)
      request.raw.on('close', end)
    },
  )
}
