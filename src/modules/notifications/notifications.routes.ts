import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { ACCESS, SIGNED_IN } from '../identity/index.ts'
import { getPreferences, listCapturedMail, listInbox, markRead, setPreferences } from './inbox.service.ts'

const inboxItem = z.object({
  id: z.string(),
  messageId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  about: z.object({ type: z.string(), id: z.string() }).nullable(),
  country: z.string().nullable(),
  link: z.string().nullable(),
  emergency: z.boolean(),
  actions: z
    .array(z.object({ key: z.string(), label: z.string() }))
    .describe('One-click answers the message offers (e.g. "I am safe"); empty when none'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
const preferences = z.object({
  inbox: z.literal(true),
  email: z.boolean(),
  push: z.boolean(),
  sms: z.boolean().describe('Text messages, for emergencies only (when the service has an SMS gateway)'),
})

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications']
  app.get(
    '/api/v1/me/inbox',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'My messages, newest first, in my language (page with `before`)',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.uuid().optional(),
        }),
        response: { 200: z.array(inboxItem) },
      },
    },
    async (request) =>
      listInbox(ctx, requirePrincipal(request).userId, request.query.limit, request.query.before),
  )

  app.post(
    '/api/v1/me/inbox/:id/read',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Mark a message read', params: z.strictObject({ id: z.uuid() }) },
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
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'Choose channels (the inbox is always on); a channel left out keeps its setting',
        body: z.strictObject({
          email: z.boolean().optional(),
          push: z.boolean().optional(),
          sms: z.boolean().optional(),
        }),
        response: { 200: preferences },
      },
    },
    async (request) => setPreferences(ctx, requirePrincipal(request).userId, request.body),
  )

  app.get(
    '/api/v1/outbox',
    {
      config: { access: ACCESS.admins },
      schema: {
        tags,
        summary: 'E-mail captured instead of sent (no SMTP server configured), newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              deliveryId: z.string(),
              messageId: z.string(),
              to: z.string(),
              subject: z.string(),
              body: z.string(),
              capturedAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => listCapturedMail(ctx, request.query.limit),
  )
}
