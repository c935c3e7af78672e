import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  createdWebhookEndpoint,
  webhookEndpointInput,
  webhookEndpointList,
  webhookEndpointParams,
  webhookTestResult,
} from './webhook.schema.ts'
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  testWebhookEndpoint,
} from './webhook-endpoint.service.ts'

/** Partner systems (an enterprise's security desk) receive their account's messages by webhook. */

export const webhookRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications']
  const byId = webhookEndpointParams

  app.get(
    '/api/v1/me/webhooks',
    routeOptions(ACCESS.webhookOwners, tags, 'My webhook endpoints (secrets are never shown again)', {
      response: { 200: webhookEndpointList },
    }),
    async (request) => listWebhookEndpoints(ctx, requirePrincipal(request).userId),
  )

  app.post(
    '/api/v1/me/webhooks',
    routeOptions(
      ACCESS.webhookOwners,
      tags,
      'Receive my messages as signed POSTs to this URL; the answer shows the secret, once',
      {
        body: webhookEndpointInput,
        response: { 201: createdWebhookEndpoint },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createWebhookEndpoint(ctx, requirePrincipal(request).userId, request.body)),
  )

  app.delete(
    '/api/v1/me/webhooks/:id',
    {
      config: { access: ACCESS.webhookOwners },
      schema: { tags, summary: 'Stop sending to one of my webhook endpoints', params: byId },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(ctx, requirePrincipal(request).userId, request.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/v1/me/webhooks/:id/test',
    routeOptions(
      ACCESS.webhookOwners,
      tags,
      'Send a signed test event now; a success turns a disabled endpoint on again',
      {
        params: byId,
        response: { 200: webhookTestResult },
      },
    ),
    async (request) => testWebhookEndpoint(ctx, requirePrincipal(request).userId, request.params.id),
  )
}
