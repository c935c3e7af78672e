import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import {
  confirmedSubscription,
  confirmSubscriptionBody,
  emailSubscriptionAccepted,
  emailSubscriptionBody,
  emailSubscriptionParams,
  unsubscribed,
  unsubscribeQuery,
} from './email-subscription.schema.ts'
import {
  confirmEmailSubscription,
  subscribeByEmail,
  unsubscribeByEmail,
} from './email-subscription.service.ts'

/** A country's advice and alerts by e-mail, without an account (as GOV.UK offers). */
export const emailSubscriptionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['advisories']
  const limit = { max: ctx.config.rateLimits.codesPerIpPerMinute, timeWindow: 60_000 }
  // Mail clients send the RFC 8058 one-click POST as a form (`List-Unsubscribe=One-Click`).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })

  app.post(
    '/api/v1/public/subscriptions',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags,
        summary:
          'Follow a country’s advice and alerts by e-mail: a confirmation link is e-mailed (202 always)',
        body: emailSubscriptionBody,
        response: { 202: emailSubscriptionAccepted },
      },
    },
    async (request, reply) => {
      await subscribeByEmail(ctx, request.body)
      return reply.status(202).send({ accepted: true as const })
    },
  )

  app.post(
    '/api/v1/public/subscriptions/:id/confirm',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags,
        summary: 'Confirm an e-mail subscription with the token from its link',
        params: emailSubscriptionParams,
        body: confirmSubscriptionBody,
        response: { 200: confirmedSubscription },
      },
    },
    async (request) => confirmEmailSubscription(ctx, request.params.id, request.body.token),
  )

  app.post(
    '/api/v1/public/subscriptions/:id/unsubscribe',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058): the List-Unsubscribe URL, POSTed without sign-in',
        params: emailSubscriptionParams,
        querystring: unsubscribeQuery,
        response: { 200: unsubscribed },
      },
    },
    async (request) => {
      await unsubscribeByEmail(ctx, request.params.id, request.query.sig)
      return { unsubscribed: true as const }
    },
  )
}
