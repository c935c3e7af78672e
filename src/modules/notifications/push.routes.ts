import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { SIGNED_IN } from '../identity/index.ts'
import {
  deleteByEndpoint,
  pushSubscription,
  pushSubscriptionInput,
  pushSubscriptionList,
  pushSubscriptionParams,
  vapidPublicKey,
} from './push.schema.ts'
import {
  deletePushSubscription,
  listPushSubscriptions,
  savePushSubscription,
} from './push-subscription.service.ts'
import { vapidDetails } from './vapid.service.ts'

export const pushRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications']

  app.get(
    '/api/v1/push/vapid-public-key',
    routeOptions('public', tags, 'The key browsers subscribe with (`applicationServerKey`)', {
      response: { 200: vapidPublicKey },
    }),
    async () => ({ publicKey: (await vapidDetails(ctx)).publicKey }),
  )

  app.post(
    '/api/v1/me/push-subscriptions',
    routeOptions(
      SIGNED_IN,
      tags,
      'Receive notifications in this browser: its PushSubscription JSON (201 new, 200 updated)',
      {
        body: pushSubscriptionInput,
        response: { 200: pushSubscription, 201: pushSubscription },
      },
    ),
    async (request, reply) => {
      const { created, subscription } = await savePushSubscription(
        ctx,
        requirePrincipal(request).userId,
        request.body,
        request.headers['user-agent'],
      )
      return reply.status(created ? 201 : 200).send(subscription)
    },
  )

  app.get(
    '/api/v1/me/push-subscriptions',
    routeOptions(SIGNED_IN, tags, 'Browsers that receive my notifications', {
      response: { 200: pushSubscriptionList },
    }),
    async (request) => listPushSubscriptions(ctx, requirePrincipal(request).userId),
  )

  app.delete(
    '/api/v1/me/push-subscriptions',
    routeOptions(SIGNED_IN, tags, 'Stop notifications to the browser with this endpoint', {
      querystring: deleteByEndpoint,
    }),
    async (request, reply) => {
      await deletePushSubscription(ctx, requirePrincipal(request).userId, {
        endpoint: request.query.endpoint,
      })
      return reply.status(204).send()
    },
  )

  app.delete(
    '/api/v1/me/push-subscriptions/:id',
    routeOptions(SIGNED_IN, tags, 'Stop notifications to one of my browsers', {
      params: pushSubscriptionParams,
    }),
    async (request, reply) => {
      await deletePushSubscription(ctx, requirePrincipal(request).userId, { id: request.params.id })
      return reply.status(204).send()
    },
  )
}
