import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { recordHotlineAnswer } from './alert.answer.ts'
import { alertStats, listRecipients, recipientMap, recipientsCsv } from './alert.recipient-list.ts'
import {
  alertDetail,
  alertIdParams,
  alertList,
  alertListQuery,
  alertStats as alertStatsSchema,
  createAlertBody,
} from './alert.schema.ts'
import { sendAlert } from './alert.send.ts'
import { createFromJson, getAlert, listAlerts, recountReach } from './alert.service.ts'
import { answerBody, answerResult } from './alert-me.schema.ts'
import {
  mapCells,
  recipientAnswerParams,
  recipientList,
  recipientsCsvQuery,
  recipientsQuery,
} from './alert-recipient.schema.ts'

export const alertRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['alerts']

  app.post(
    '/api/v1/alerts',
    routeOptions(
      ACCESS.officers,
      tags,
      'Draft an alert from CAP-shaped JSON; 201 with its reach, 200 if that message is already held',
      {
        body: createAlertBody,
        response: { 200: alertDetail, 201: alertDetail },
      },
    ),
    async (request, reply) => {
      const result = await createFromJson(ctx, requirePrincipal(request), request.body)
      return reply.status(result.created ? 201 : 200).send(result.alert)
    },
  )

  app.get(
    '/api/v1/alerts',
    routeOptions(ACCESS.hotline, tags, 'Alerts I may see, newest first', {
      querystring: alertListQuery,
      response: { 200: alertList },
    }),
    async (request) => listAlerts(ctx, requirePrincipal(request), request.query),
  )

  app.get(
    '/api/v1/alerts/:id',
    routeOptions(ACCESS.hotline, tags, 'One alert with its CAP, area, reach and thread', {
      params: alertIdParams,
      response: { 200: alertDetail },
    }),
    async (request) => getAlert(ctx, requirePrincipal(request), request.params.id),
  )

  app.post(
    '/api/v1/alerts/:id/reach',
    routeOptions(ACCESS.officers, tags, 'Count the reach again (people move)', {
      params: alertIdParams,
      response: { 200: alertDetail },
    }),
    async (request) => recountReach(ctx, requirePrincipal(request), request.params.id),
  )

  app.post(
    '/api/v1/alerts/:id/send',
    routeOptions(
      ACCESS.officers,
      tags,
      'Send the draft (or approve an officer’s Severe/Extreme alert); an officer’s Severe/Extreme alert waits for approval',
      {
        params: alertIdParams,
        response: { 200: alertDetail },
      },
    ),
    async (request) => sendAlert(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.get(
    '/api/v1/alerts/:id/stats',
    routeOptions(ACCESS.hotline, tags, 'Reached, delivered, answered by kind, unanswered', {
      params: alertIdParams,
      response: { 200: alertStatsSchema },
    }),
    async (request) => alertStats(ctx, requirePrincipal(request), request.params.id),
  )

  app.get(
    '/api/v1/alerts/:id/recipients',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Recipients with their answers (e.g. the unanswered list), by page; audited',
      {
        params: alertIdParams,
        querystring: recipientsQuery,
        response: { 200: recipientList },
      },
    ),
    async (request) =>
      listRecipients(ctx, requirePrincipal(request), request.params.id, request.query, request.ip),
  )

  app.get(
    '/api/v1/alerts/:id/recipients.csv',
    routeOptions(ACCESS.hotline, tags, 'The recipients list as CSV; audited', {
      params: alertIdParams,
      querystring: recipientsCsvQuery,
    }),
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="alert-${request.params.id}-recipients.csv"`)
        .send(
          await recipientsCsv(
            ctx,
            requirePrincipal(request),
            request.params.id,
            request.query.answer,
            request.ip,
          ),
        ),
  )

  app.get(
    '/api/v1/alerts/:id/map',
    routeOptions(ACCESS.hotline, tags, 'Recipients with a known point, counted by answer on a ~5 km grid', {
      params: alertIdParams,
      response: { 200: mapCells },
    }),
    async (request) => recipientMap(ctx, requirePrincipal(request), request.params.id),
  )

  app.post(
    '/api/v1/alerts/:id/recipients/:userId/answer',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Record the answer a recipient gave the hotline on the phone; it becomes the current one (a standing need_help is resolved this way); audited',
      {
        params: recipientAnswerParams,
        body: answerBody,
        response: { 200: answerResult },
      },
    ),
    async (request) =>
      recordHotlineAnswer(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.params.userId,
        request.body.answer,
        request.ip,
      ),
  )
}
