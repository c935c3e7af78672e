import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { contactBody, contactList, contactQuery, contactResponse } from './contact.schema.ts'
import { createContact, listContacts } from './contact.service.ts'
import { acknowledgeHelp, claimHelp } from './help-desk.service.ts'

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
    '/api/v1/contacts/:id/acknowledge',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Acknowledge a help request (SOS): its sender sees that an operator has it (repeats change nothing)',
      { params: idParams, response: { 200: contactResponse } },
    ),
    async (request) => acknowledgeHelp(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.post(
    '/api/v1/contacts/:id/claim',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Take a help request (SOS): assign it to me, acknowledging it (409 contact.claimed if someone else has it)',
      { params: idParams, response: { 200: contactResponse } },
    ),
    async (request) => claimHelp(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
