import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from './role.ts'
import { requestMeta } from './session-cookie.ts'
import {
  createUserBody,
  createUserResponse,
  listUsersQuery,
  updateAccessBody,
  userIdParams,
  userList,
  userSummary,
} from './user.schema.ts'
import { changeAccess, createAccount, listAccounts } from './user.service.ts'

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['users']
  const actorOf = (request: Parameters<typeof requirePrincipal>[0]) => {
    const p = requirePrincipal(request)
    return { userId: p.userId, roles: p.roles, ip: requestMeta(request).ip }
  }

  app.get(
    '/api/v1/users',
    routeOptions(ACCESS.admins, tags, 'Staff and enterprise accounts', {
      querystring: listUsersQuery,
      response: { 200: userList },
    }),
    async (request) => listAccounts(ctx, request.query.role),
  )

  app.post(
    '/api/v1/users',
    routeOptions(ACCESS.admins, tags, 'Create a staff or enterprise account', {
      body: createUserBody,
      response: { 201: createUserResponse },
    }),
    async (request, reply) =>
      reply.status(201).send(await createAccount(ctx, request.body, actorOf(request))),
  )

  app.put(
    '/api/v1/users/:id/access',
    routeOptions(ACCESS.admins, tags, "Change an account's roles and missions", {
      params: userIdParams,
      body: updateAccessBody,
      response: { 200: userSummary },
    }),
    async (request) =>
      changeAccess(ctx, request.params.id, request.body.roles, request.body.missions, actorOf(request)),
  )
}
