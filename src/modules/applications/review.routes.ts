import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { application, eventBody, idParams, paymentBody, queuePage, queueQuery } from './application.schema.ts'
import {
  openPhoto,
  recordPayment,
  recordReviewEvent,
  reviewApplication,
  reviewQueue,
  sendToProduction,
} from './review.service.ts'

/** The mission's side: the review queue, one application, the moves of its status. */
export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']
  const access = ACCESS.officers

  app.get(
    '/api/v1/applications',
    routeOptions(
      access,
      tags,
      "The review queue of my missions' applications, newest first (drafts are never listed)",
      {
        querystring: queueQuery,
        response: { 200: queuePage },
      },
    ),
    async (request) => reviewQueue(ctx, requirePrincipal(request), request.query),
  )
  app.get(
    '/api/v1/applications/:id',
    routeOptions(access, tags, 'One application with its timeline and internal notes (audited)', {
      params: idParams,
      response: { 200: application },
    }),
    async (request) => reviewApplication(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
  app.get(
    '/api/v1/applications/:id/photo',
    {
      config: { access },
      schema: { tags, summary: "The application's photo, for the review screen (audited)", params: idParams },
    },
    async (request, reply) => {
      const photo = await openPhoto(ctx, requirePrincipal(request), request.params.id, request.ip)
      return reply
        .header('content-type', photo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(photo.bytes)
    },
  )
  app.post(
    '/api/v1/applications/:id/events',
    routeOptions(
      access,
      tags,
      'Accept, return (with corrections), approve, refuse, mark ready, collected or posted, or add an internal note',
      {
        params: idParams,
        body: eventBody,
        response: { 200: application },
      },
    ),
    async (request) =>
      recordReviewEvent(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
  )
  app.post(
    '/api/v1/applications/:id/payment',
    routeOptions(access, tags, 'Record the counter receipt of the fee', {
      params: idParams,
      body: paymentBody,
      response: { 200: application },
    }),
    async (request) =>
      recordPayment(ctx, requirePrincipal(request), request.params.id, request.body.receipt, request.ip),
  )
  app.post(
    '/api/v1/applications/:id/production',
    routeOptions(access, tags, 'Send an approved, paid application to production', {
      params: idParams,
      response: { 200: application },
    }),
    async (request) => sendToProduction(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
