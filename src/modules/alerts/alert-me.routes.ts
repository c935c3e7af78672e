import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { ACCESS } from '../identity/index.ts'
import { answerByLink, answerSafetyCheck } from './alert.answer.ts'
import { alertIdParams } from './alert.schema.ts'
import { answerBody, answerLinkBody, answerResult, myAlert, myAlertList } from './alert-me.schema.ts'
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
    {
      config: { access: ACCESS.registered },
      schema: {
        tags,
        summary: 'One alert that reached me',
        params: alertIdParams,
        response: { 200: myAlert },
      },
    },
    async (request) => getMyAlert(ctx, requirePrincipal(request).userId, request.params.id),
  )

  app.post(
    '/api/v1/me/alerts/:id/answer',
    {
      config: { access: ACCESS.registered },
      schema: {
        tags,
        summary: 'Answer the safety check: safe, need_help (opens a P1 help request) or not_in_area',
        params: alertIdParams,
        body: answerBody,
        response: { 200: answerResult },
      },
    },
    async (request) =>
      answerSafetyCheck(ctx, requirePrincipal(request).userId, request.params.id, request.body.answer, 'app'),
  )

  app.post(
    '/api/v1/alerts/:id/answer-link',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Answer the safety check from a signed one-click link (no sign-in; the signature names alert, person and answer)',
        params: alertIdParams,
        body: answerLinkBody,
        response: { 200: answerResult },
      },
    },
    async (request) => answerByLink(ctx, request.params.id, request.body),
  )
}
