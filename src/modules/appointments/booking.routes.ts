import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  appointment,
  appointmentList,
  bookBody,
  idParams,
  moveBody,
  signatureQuery,
  waitlistBody,
  waitlistEntry,
  waitlistList,
} from './booking.schema.ts'
import {
  bookAppointment,
  cancelLinkedAppointment,
  cancelMyAppointment,
  challengeFor,
  confirmLinkedHold,
  confirmMyHold,
  getLinkedAppointment,
  listMyAppointments,
  moveLinkedAppointment,
} from './booking.service.ts'
import { challengeResponse } from './challenge.ts'
import { joinWaitlist, leaveWaitlist, listMyWaitlist } from './waitlist.service.ts'

/** The citizen's side: the challenge, booking, their bookings, cancelling, the waitlist; and the manage link's routes. */
export const bookingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['appointments']
  const access = ACCESS.citizens
  const perAddress = { max: ctx.config.appointments.bookingsPerMinute, timeWindow: 60_000 }

  app.get(
    '/api/v1/appointments/challenge',
    routeOptions(
      'public',
      tags,
      'An ALTCHA challenge (v1, SHA-256) to solve before a booking or waitlist entry',
      {
        response: { 200: challengeResponse },
      },
    ),
    async (request) => challengeFor(ctx, request.principal),
  )
  app.post(
    '/api/v1/me/appointments',
    {
      ...routeOptions(
        access,
        tags,
        'Book a slot (a solved challenge; one active booking per person and service)',
        {
          body: bookBody,
          response: { 201: appointment },
        },
      ),
      config: { access, rateLimit: perAddress },
    },
    async (request, reply) =>
      reply.status(201).send(await bookAppointment(ctx, requirePrincipal(request), request.body)),
  )
  app.get(
    '/api/v1/me/appointments',
    routeOptions(access, tags, 'My appointments, latest first, each with its status', {
      response: { 200: appointmentList },
    }),
    async (request) => listMyAppointments(ctx, requirePrincipal(request)),
  )
  app.delete(
    '/api/v1/me/appointments/:id',
    routeOptions(
      access,
      tags,
      'Cancel my appointment: the place goes to the first on the waitlist, or is free at once',
      {
        params: idParams,
      },
    ),
    async (request, reply) => {
      await cancelMyAppointment(ctx, requirePrincipal(request), request.params.id)
      return reply.status(204).send()
    },
  )
  app.post(
    '/api/v1/me/appointments/:id/confirm',
    routeOptions(access, tags, 'Confirm a place held for me from the waitlist (within 15 minutes)', {
      params: idParams,
      response: { 200: appointment },
    }),
    async (request) => confirmMyHold(ctx, requirePrincipal(request), request.params.id),
  )
  app.post(
    '/api/v1/me/appointments/waitlist',
    {
      ...routeOptions(
        access,
        tags,
        'Wait for a place of a service between two local dates (a solved challenge)',
        {
          body: waitlistBody,
          response: { 201: waitlistEntry },
        },
      ),
      config: { access, rateLimit: perAddress },
    },
    async (request, reply) =>
      reply.status(201).send(await joinWaitlist(ctx, requirePrincipal(request), request.body)),
  )
  app.get(
    '/api/v1/me/appointments/waitlist',
    routeOptions(access, tags, 'My waitlist entries, latest first, each with its status', {
      response: { 200: waitlistList },
    }),
    async (request) => listMyWaitlist(ctx, requirePrincipal(request)),
  )
  app.delete(
    '/api/v1/me/appointments/waitlist/:id',
    routeOptions(access, tags, 'Leave a waitlist (a place held for the entry is declined and passes on)', {
      params: idParams,
    }),
    async (request, reply) => {
      await leaveWaitlist(ctx, requirePrincipal(request), request.params.id)
      return reply.status(204).send()
    },
  )

  // The manage link (signed, no sign-in): see, cancel, move, confirm a hold.
  app.get(
    '/api/v1/public/appointments/:id',
    routeOptions('public', tags, "An appointment by its manage link's signature", {
      params: idParams,
      querystring: signatureQuery,
      response: { 200: appointment },
    }),
    async (request) => getLinkedAppointment(ctx, request.params.id, request.query.sig),
  )
  app.post(
    '/api/v1/public/appointments/:id/cancel',
    routeOptions('public', tags, 'Cancel by the manage link', {
      params: idParams,
      querystring: signatureQuery,
    }),
    async (request, reply) => {
      await cancelLinkedAppointment(ctx, request.params.id, request.query.sig)
      return reply.status(204).send()
    },
  )
  app.post(
    '/api/v1/public/appointments/:id/move',
    {
      ...routeOptions(
        'public',
        tags,
        'Move to another slot of the same service by the manage link (a solved challenge)',
        {
          params: idParams,
          querystring: signatureQuery,
          body: moveBody,
          response: { 200: appointment },
        },
      ),
      config: { access: 'public' as const, rateLimit: perAddress },
    },
    async (request) => moveLinkedAppointment(ctx, request.params.id, request.query.sig, request.body),
  )
  app.post(
    '/api/v1/public/appointments/:id/confirm',
    routeOptions('public', tags, 'Confirm a held place by the link in its notification (one tap)', {
      params: idParams,
      querystring: signatureQuery,
      response: { 200: appointment },
    }),
    async (request) => confirmLinkedHold(ctx, request.params.id, request.query.sig),
  )
}
