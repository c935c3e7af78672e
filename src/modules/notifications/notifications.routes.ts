import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS, SIGNED_IN } from '../identity/index.ts'
import { getPreferences, listCapturedMail, listInbox, markRead, setPreferences } from './inbox.service.ts'
import {
  capturedMailList,
  inboxItemParams,
  inboxList,
  inboxQuery,
  outboxQuery,
  preferences,
  preferencesBody,
} from './notifications.schema.ts'

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications']
  app.get(
    '/api/v1/me/inbox',
    routeOptions(SIGNED_IN, tags, 'My messages, newest first, in my language (page with `before`)', {
      querystring: inboxQuery,
      response: { 200: inboxList },
    }),
    async (request) =>
      listInbox(ctx, requirePrincipal(request).userId, request.query.limit, request.query.before),
  )

  app.post(
    '/api/v1/me/inbox/:id/read',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Mark a message read', params: inboxItemParams },
    },
    async (request, reply) => {
      await markRead(ctx, requirePrincipal(request).userId, request.params.id)
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/v1/me/notification-preferences',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Channels I receive', response: { 200: preferences } },
    },
    async (request) => getPreferences(ctx, requirePrincipal(request).userId),
  )

  app.put(
    '/api/v1/me/notification-preferences',
    routeOptions(
      SIGNED_IN,
      tags,
      'Choose channels (the inbox is always on); a channel left out keeps its setting',
      {
        body: preferencesBody,
        response: { 200: preferences },
      },
    ),
    async (request) => setPreferences(ctx, requirePrincipal(request).userId, request.body),
  )

  app.get(
    '/api/v1/outbox',
    routeOptions(
      ACCESS.admins,
      tags,
      'E-mail captured instead of sent (no SMTP server configured), newest first',
      {
        querystring: outboxQuery,
        response: { 200: capturedMailList },
      },
    ),
    async (request) => listCapturedMail(ctx, request.query.limit),
  )
}
