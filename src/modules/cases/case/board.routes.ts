import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { board, stats, statsQuery } from './board.schema.ts'
import { caseBoard, caseStats, exportCases } from './board.service.ts'
import { caseExportQuery } from './case.schema.ts'

export const boardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']

  app.get(
    '/api/v1/cases/board',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Open cases I may see by mission, type, priority and age, with SLA misses and overdue visits',
      {
        response: { 200: board },
      },
    ),
    async (request) => caseBoard(ctx, requirePrincipal(request)),
  )

  app.get(
    '/api/v1/cases/stats',
    routeOptions(
      ACCESS.hotline,
      tags,
      'A year in the form a ministry reports it: contacts received, cases handled, people rescued',
      {
        querystring: statsQuery,
        response: { 200: stats },
      },
    ),
    async (request) => caseStats(ctx, requirePrincipal(request), request.query.year),
  )

  app.get(
    '/api/v1/cases/export.csv',
    routeOptions(
      ACCESS.hotline,
      tags,
      'The cases I may see as CSV, filtered as the list (at most 10,000; audited)',
      {
        querystring: caseExportQuery,
      },
    ),
    async (request, reply) => {
      const csv = await exportCases(ctx, requirePrincipal(request), request.query, request.ip)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cases.csv"')
        .send(csv)
    },
  )
}
