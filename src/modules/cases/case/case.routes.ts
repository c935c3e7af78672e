import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { linkContactBody } from '../hotline/contact.schema.ts'
import { linkContactToCase } from '../hotline/contact.service.ts'
import { caseDetail, caseList, caseQuery, createCaseBody, detentionBody, eventBody } from './case.schema.ts'
import { createCase, getCase, listCases } from './case.service.ts'
import { addCaseEvent } from './case-event.service.ts'
import { putDetention } from './detention.service.ts'

export const caseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']

  app.post(
    '/api/v1/cases',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Open a case: priority suggested, mission routed by consular district, SLA timer started',
      {
        body: createCaseBody,
        response: { 201: caseDetail },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createCase(ctx, requirePrincipal(request), request.body, request.ip)),
  )

  app.get(
    '/api/v1/cases',
    routeOptions(ACCESS.hotline, tags, 'Cases I may see, newest first (page with cursor; audited)', {
      querystring: caseQuery,
      response: { 200: caseList },
    }),
    async (request) => listCases(ctx, requirePrincipal(request), request.query, request.ip),
  )

  app.get(
    '/api/v1/cases/:id',
    routeOptions(ACCESS.hotline, tags, 'One case with its timeline (404 outside my scope; audited)', {
      params: idParams,
      response: { 200: caseDetail },
    }),
    async (request) => getCase(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.post(
    '/api/v1/cases/:id/events',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Add to the timeline: note, call, status, assignment, task, visit, priority, team',
      {
        params: idParams,
        body: eventBody,
        response: { 201: caseDetail },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addCaseEvent(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )

  app.post(
    '/api/v1/cases/:id/contacts',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Link an earlier contact (a help request, a call) to this case instead of opening a duplicate',
      {
        params: idParams,
        body: linkContactBody,
        response: { 201: caseDetail },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await linkContactToCase(
            ctx,
            requirePrincipal(request),
            request.params.id,
            request.body.contactId,
            request.ip,
          ),
        ),
  )

  app.put(
    '/api/v1/cases/:id/detention',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Record or change the detention details; the next consular visit falls due from them',
      {
        params: idParams,
        body: detentionBody,
        response: { 200: caseDetail },
      },
    ),
    async (request) =>
      putDetention(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
  )
}
