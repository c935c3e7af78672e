import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { ACCESS } from '../../identity/index.ts'
import { missionRef } from '../common.schema.ts'
import { caseBoard, caseStats, exportCases } from './board.service.ts'
import { caseQuery } from './case.schema.ts'

const counts = { open: z.number(), slaBreached: z.number(), visitsOverdue: z.number() }

const board = z.object({
  ...counts,
  byMission: z.array(z.object({ mission: missionRef.nullable().describe('null: the duty desk'), ...counts })),
  byType: z.array(z.object({ type: z.string(), ...counts })),
  byPriority: z.array(z.object({ priority: z.string(), ...counts })),
  byAge: z.array(z.object({ bucket: z.enum(['under_1h', '1h_24h', '1d_7d', 'over_7d']), ...counts })),
})

const stats = z.object({
  year: z.number(),
  contactsReceived: z.number(),
  helpRequests: z.number(),
  casesOpened: z.number(),
  casesHandled: z.number().describe('cases resolved in the year'),
  peopleRescued: z
    .number()
    .describe(
      'on cases resolved in the year: the rescued count given on resolution, else the people on a kidnapping, missing-person or disaster case',
    ),
  contactsPerHour: z.array(z.object({ hour: z.string(), count: z.number() })).describe('the last 24 hours'),
})

export const boardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']

  app.get(
    '/api/v1/cases/board',
    {
      config: { access: ACCESS.hotline },
      schema: {
        tags,
        summary:
          'Open cases I may see by mission, type, priority and age, with SLA misses and overdue visits',
        response: { 200: board },
      },
    },
    async (request) => caseBoard(ctx, requirePrincipal(request)),
  )

  app.get(
    '/api/v1/cases/stats',
    {
      config: { access: ACCESS.hotline },
      schema: {
        tags,
        summary: 'A year in the form a ministry reports it: contacts received, cases handled, people rescued',
        querystring: z.strictObject({
          year: z.coerce
            .number()
            .int()
            .min(2000)
            .max(2100)
            .default(() => new Date().getUTCFullYear()),
        }),
        response: { 200: stats },
      },
    },
    async (request) => caseStats(ctx, requirePrincipal(request), request.query.year),
  )

  app.get(
    '/api/v1/cases/export.csv',
    {
      config: { access: ACCESS.hotline },
      schema: {
        tags,
        summary: 'The cases I may see as CSV, filtered as the list (at most 10,000; audited)',
        querystring: caseQuery.omit({ limit: true, cursor: true }),
      },
    },
    async (request, reply) => {
      const csv = await exportCases(ctx, requirePrincipal(request), request.query, request.ip)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cases.csv"')
        .send(csv)
    },
  )
}
