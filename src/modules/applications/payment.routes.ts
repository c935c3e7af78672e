import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { idParams } from './application.schema.ts'
import { paymentCallbackAnswer, paymentCallbackBody, paymentStarted } from './payment.schema.ts'
import { settlePayment, startPayment } from './payment.service.ts'

/** Online fees through a hosted payment page: out with a signed request, in with a signed callback. */
export const paymentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']
  app.post(
    '/api/v1/me/applications/:id/payments',
    routeOptions(ACCESS.citizens, tags, 'Pay the fee online: the signed address of the hosted payment page', {
      params: idParams,
      response: { 201: paymentStarted },
    }),
    async (request, reply) =>
      reply.status(201).send(await startPayment(ctx, requirePrincipal(request), request.params.id)),
  )
  app.post(
    '/api/v1/payments/callback',
    routeOptions('public', tags, "The payment provider's signed word on an order (HMAC-SHA256, idempotent)", {
      body: paymentCallbackBody,
      response: { 200: paymentCallbackAnswer },
    }),
    async (request) => settlePayment(ctx, request.body, request.ip),
  )
}
