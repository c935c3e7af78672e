import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import {
  enrolStartResponse,
  loginBody,
  loginResponse,
  meResponse,
  mfaVerifiedResponse,
  noContent,
  registerBody,
  sessionResponse,
  totpCodeBody,
} from './auth.schema.ts'
import { login, logout, register } from './auth.service.ts'
import { loadMe } from './me.service.ts'
import { confirmEnrolment, startEnrolment, verifyCode } from './mfa.service.ts'
import { ROLES } from './role.ts'
import { clearSessionCookie, requestMeta, setSessionCookie } from './session-cookie.ts'

const midMfa = { roles: ROLES, allowMfaPending: true }

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const authRateLimit = { max: ctx.config.rateLimits.authPerIpPerMinute, timeWindow: 60_000 }
  const tags = ['auth']

  app.post(
    '/api/v1/auth/register',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Create a citizen account and sign in',
        body: registerBody,
        response: { 201: meResponse },
      },
    },
    async (request, reply) => {
      const result = await register(ctx, request.body, requestMeta(request))
      setSessionCookie(reply, result.token, ctx.config)
      return reply.status(201).send(result.user)
    },
  )

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Sign in with e-mail or phone and password',
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, requestMeta(request))
      setSessionCookie(reply, result.token, ctx.config)
      return { user: result.user, mfa: result.mfa }
    },
  )

  app.post(
    '/api/v1/auth/logout',
    routeOptions('public', tags, 'Sign out', { response: { 204: noContent } }),
    async (request, reply) => {
      await logout(ctx, request.principal, requestMeta(request))
      clearSessionCookie(reply, ctx.config)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/v1/me',
    {
      config: { access: midMfa },
      schema: { tags, summary: 'The signed-in account', response: { 200: meResponse } },
    },
    async (request) => {
      const principal = requirePrincipal(request)
      return loadMe(ctx, principal.userId, principal.mfaPending)
    },
  )

  app.get(
    '/api/v1/auth/session',
    routeOptions('public', tags, 'Who is signed in: the account, or null for a visitor', {
      response: { 200: sessionResponse },
    }),
    async (request) => ({
      user: request.principal
        ? await loadMe(ctx, request.principal.userId, request.principal.mfaPending)
        : null,
    }),
  )

  app.post(
    '/api/v1/auth/mfa/enrol/start',
    {
      config: { access: midMfa },
      schema: { tags, summary: 'Begin TOTP enrolment', response: { 200: enrolStartResponse } },
    },
    async (request) => startEnrolment(ctx, requirePrincipal(request)),
  )

  app.post(
    '/api/v1/auth/mfa/enrol/confirm',
    {
      config: { access: midMfa, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment with a code',
        body: totpCodeBody,
        response: { 200: mfaVerifiedResponse },
      },
    },
    async (request) =>
      confirmEnrolment(ctx, requirePrincipal(request), request.body.code, requestMeta(request)),
  )

  app.post(
    '/api/v1/auth/mfa/verify',
    {
      config: { access: midMfa, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Complete sign-in with a TOTP code',
        body: totpCodeBody,
        response: { 200: mfaVerifiedResponse },
      },
    },
    async (request) => verifyCode(ctx, requirePrincipal(request), request.body.code, requestMeta(request)),
  )
}
