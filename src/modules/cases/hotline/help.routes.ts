import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { idParams } from '../common.schema.ts'
import { helpBody, helpCancelBody, helpLocationBody, myHelp, myHelpList } from './help.schema.ts'
import { cancelMyHelp, getMyHelp, listMyHelp, sendHelp, shareHelpLocation } from './help.service.ts'

/** The citizen's SOS: send it, follow it, share where they are while it is open, call it off. */
export const helpRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']

  app.post(
    '/api/v1/me/help',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Ask for help (SOS): reaches the hotline at once as a P1 contact with my location, profile and call-back number',
      { body: helpBody, response: { 201: myHelp } },
    ),
    async (request, reply) =>
      reply.status(201).send(await sendHelp(ctx, requirePrincipal(request).userId, request.body)),
  )

  app.get(
    '/api/v1/me/help',
    routeOptions(ACCESS.citizens, tags, 'My latest help requests, newest first (20)', {
      response: { 200: myHelpList },
    }),
    async (request) => listMyHelp(ctx, requirePrincipal(request).userId),
  )

  app.get(
    '/api/v1/me/help/:id',
    routeOptions(
      ACCESS.citizens,
      tags,
      'My help request and its status: received → acknowledged → case_opened → closed, or cancelled',
      { params: idParams, response: { 200: myHelp } },
    ),
    async (request) => getMyHelp(ctx, requirePrincipal(request).userId, request.params.id),
  )

  app.post(
    '/api/v1/me/help/:id/cancel',
    routeOptions(
      ACCESS.citizens,
      tags,
      'Call my help request off: safe now, or a false alarm (a case opened from it stays open)',
      { params: idParams, body: helpCancelBody, response: { 200: myHelp } },
    ),
    async (request) =>
      cancelMyHelp(ctx, requirePrincipal(request).userId, request.params.id, request.body.reason, request.ip),
  )

  app.put(
    '/api/v1/me/help/:id/location',
    routeOptions(ACCESS.citizens, tags, 'Share my location again while my help request is open', {
      params: idParams,
      body: helpLocationBody,
      response: { 200: myHelp },
    }),
    async (request) =>
      shareHelpLocation(ctx, requirePrincipal(request).userId, request.params.id, request.body, request.ip),
  )
}
