import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { enterpriseParams } from './enterprise.schema.ts'
import { siteParams } from './site.schema.ts'
import {
  importResult,
  staffBody,
  staffList,
  staffMember,
  staffParams,
  trainingBody,
  trainingOverview as trainingOverviewSchema,
  trainingParams,
} from './staff.schema.ts'
import {
  addStaff,
  addTraining,
  editStaff,
  importRoster,
  listRoster,
  removeStaff,
  removeTraining,
} from './staff.service.ts'
import { trainingOverview } from './training.service.ts'

/** A roster file: 2,000 rows fit well under this. */
const ROSTER_BODY_LIMIT = 1_048_576

/** Rosters of a site's staff and their pre-departure training. */
export const staffRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['enterprises']
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: ROSTER_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  )
  const ids = (p: { id: string; siteId: string; staffId: string }) => ({
    enterpriseId: p.id,
    siteId: p.siteId,
    staffId: p.staffId,
  })

  app.get(
    '/api/v1/enterprises/:id/sites/:siteId/staff',
    routeOptions(
      ACCESS.enterpriseReaders,
      tags,
      "The site's roster, with training (a verifier's read is audited)",
      {
        params: siteParams,
        response: { 200: staffList },
      },
    ),
    async (request) =>
      listRoster(ctx, requirePrincipal(request), request.params.id, request.params.siteId, request.ip),
  )
  app.post(
    '/api/v1/enterprises/:id/sites/:siteId/staff',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Add a person to the roster (passport number sealed)', {
      params: siteParams,
      body: staffBody,
      response: { 201: staffMember },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addStaff(
            ctx,
            requirePrincipal(request),
            request.params.id,
            request.params.siteId,
            request.body,
            request.ip,
          ),
        ),
  )
  app.post(
    '/api/v1/enterprises/:id/sites/:siteId/staff/import',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Import a roster (text/csv with columns name, phone, passport): all rows or none, bad rows listed by line',
      {
        params: siteParams,
        body: z.string().max(ROSTER_BODY_LIMIT),
        consumes: ['text/csv'],
        response: { 200: importResult },
      },
    ),
    async (request) =>
      importRoster(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.params.siteId,
        request.body,
        request.ip,
      ),
  )
  app.put(
    '/api/v1/enterprises/:id/sites/:siteId/staff/:staffId',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Change a person on the roster', {
      params: staffParams,
      body: staffBody,
      response: { 200: staffMember },
    }),
    async (request) =>
      editStaff(ctx, requirePrincipal(request), ids(request.params), request.body, request.ip),
  )
  app.delete(
    '/api/v1/enterprises/:id/sites/:siteId/staff/:staffId',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Remove a person from the roster (with their training)', {
      params: staffParams,
    }),
    async (request, reply) => {
      await removeStaff(ctx, requirePrincipal(request), ids(request.params), request.ip)
      return reply.status(204).send()
    },
  )
  app.post(
    '/api/v1/enterprises/:id/sites/:siteId/staff/:staffId/trainings',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Record a pre-departure training (course, date, valid until)',
      {
        params: staffParams,
        body: trainingBody,
        response: { 201: staffMember },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addTraining(ctx, requirePrincipal(request), ids(request.params), request.body, request.ip),
        ),
  )
  app.delete(
    '/api/v1/enterprises/:id/sites/:siteId/staff/:staffId/trainings/:trainingId',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Remove a training record', { params: trainingParams }),
    async (request, reply) => {
      const p = request.params
      await removeTraining(
        ctx,
        requirePrincipal(request),
        { ...ids(p), trainingId: p.trainingId },
        request.ip,
      )
      return reply.status(204).send()
    },
  )
  app.get(
    '/api/v1/enterprises/:id/training',
    routeOptions(
      ACCESS.enterpriseReaders,
      tags,
      'Training coverage per site, and trainings expiring within 30 days or expired',
      { params: enterpriseParams, response: { 200: trainingOverviewSchema } },
    ),
    async (request) => trainingOverview(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
