import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import {
  contactBody,
  contactList,
  contactQuery,
  contactResponse,
  helpBody,
  helpResponse,
} from './contact.schema.ts'
import { createContact, listContacts } from './contact.service.ts'
import { recordHelpRequest } from './help.service.ts'

export const contactRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']

  app.post(
    '/api/v1/contacts',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Record a call, chat, e-mail or walk-in (the caller found by phone when registered)',
      {
        body: contactBody,
        response: { 201: contactResponse },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createContact(ctx, requirePrincipal(request), request.body, request.ip)),
  )

  app.get(
    '/api/v1/contacts',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Caller look-up (?caller=E.164: the person, their open cases and every contact from that phone or of that person) or the recent contacts, newest first (audited)',
      {
        querystring: contactQuery,
        response: { 200: contactList },
      },
    ),
    async (request) => listContacts(ctx, requirePrincipal(request), request.query, request.ip),
  )

  app.post(
    '/api/v1/me/help',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Ask for help (SOS): reaches the hotline at once as a P1 contact with my location and profile',
      {
        body: helpBody,
        response: { 201: helpResponse },
      },
    ),
    async (request, reply) => {
      const body = request.body
      const c = await recordHelpRequest(ctx, {
        personId: requirePrincipal(request).userId,
        message: body.message,
        lat: body.lat,
        lon: body.lon,
      })
      return reply.status(201).send({
        id: c.id,
        receivedAt: c.receivedAt,
        priority: 'P1' as const,
        location: c.location,
        locationSource: c.locationSource,
        country: c.country,
        mission: c.mission,
      })
    },
  )
}
