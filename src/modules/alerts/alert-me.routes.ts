import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { answerSafetyCheck } from './alert.answer.ts'
import { answerByLink, answerLinkView } from './alert.answer-link.ts'
import { alertIdParams } from './alert.schema.ts'
import {
  answerBody,
  answerLinkBody,
  answerLinkQuery,
  answerLinkView as answerLinkViewSchema,
  answerResult,
  myAlert,
  myAlertList,
} from './alert-me.schema.ts'
import { getMyAlert, myAlerts } from './alert-me.service.ts'

export const alertMeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['alerts']

  app.get(
    '/api/v1/me/alerts',
    {
      config: { access: ACCESS.registered },
      schema: { tags, summary: 'Alerts that reached me, with my answer', response: { 200: myAlertList } },
    },
    async (request) => myAlerts(ctx, requirePrincipal(request).userId),
  )

  app.get(
    '/api/v1/me/alerts/:id',
    routeOptions(ACCESS.registered, tags, 'One alert that reached me', {
      params: alertIdParams,
      response: { 200: myAlert },
    }),
    async (request) => getMyAlert(ctx, requirePrincipal(request).userId, request.params.id),
  )

  app.post(
    '/api/v1/me/alerts/:id/answer',
    routeOptions(
      ACCESS.registered,
      tags,
      'Answer the safety check: safe, need_help (opens a P1 help request) or not_in_area',
      {
        params: alertIdParams,
        body: answerBody,
        response: { 200: answerResult },
      },
    ),
    async (request) =>
      answerSafetyCheck(ctx, {
        userId: requirePrincipal(request).userId,
        alertId: request.params.id,
        answer: request.body.answer,
        via: 'app',
      }),
  )

  app.get(
    '/api/v1/alerts/:id/answer-link',
    routeOptions(
      'public',
      tags,
      'What a signed one-click link asks, and whether it still takes an answer (no sign-in; reading it answers nothing)',
      {
        params: alertIdParams,
        querystring: answerLinkQuery,
        response: { 200: answerLinkViewSchema },
      },
    ),
    async (request) => answerLinkView(ctx, request.params.id, request.query),
  )

  app.post(
    '/api/v1/alerts/:id/answer-link',
    routeOptions(
      'public',
      tags,
      'Answer the safety check with the answer tapped on a signed link’s page (no sign-in; the signature names alert, person and answer); 409 alert.cancelled, 410 alert.link_expired',
      {
        params: alertIdParams,
        body: answerLinkBody,
        response: { 200: answerResult },
      },
    ),
    async (request) => answerByLink(ctx, request.params.id, request.body),
  )
}
