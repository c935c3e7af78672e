import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { forgotPasswordJobType, loginCodeJobType } from './account.jobs.ts'
import {
  accepted,
  changePasswordBody,
  changePasswordResponse,
  emailBody,
  endedSessions,
  forgotPasswordBody,
  phoneBody,
  phoneCodeBody,
  phoneLoginBody,
  resetPasswordBody,
  resetPasswordResponse,
  sessionList,
  sessionParams,
  verifyEmailBody,
  verifyEmailResponse,
} from './account.schema.ts'
import { loginResponse, meResponse, noContent } from './auth.schema.ts'
import { changePassword, confirmEmail, resetPassword, startEmailVerification } from './password.service.ts'
import { confirmPhone, loginWithCode, startPhoneVerification } from './phone.service.ts'
import { SIGNED_IN } from './role.ts'
import { endMySession, endOtherSessions, listMySessions } from './session.service.ts'
import { clearSessionCookie, requestMeta, setSessionCookie } from './session-cookie.ts'

const ACCEPTED = { accepted: true } as const

/** Account basics: contacts proved, sign-in by texted code, forgotten and changed passwords, sessions. */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const auth = { max: ctx.config.rateLimits.authPerIpPerMinute, timeWindow: 60_000 }
  const codes = { max: ctx.config.rateLimits.codesPerIpPerMinute, timeWindow: 60_000 }
  const tags = ['auth']

  app.post(
    '/api/v1/auth/password/forgot',
    {
      config: { access: 'public', rateLimit: codes },
      schema: {
        tags,
        summary: 'E-mail a link to reset the password (202 whatever the address)',
        body: forgotPasswordBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await ctx.queue.send(forgotPasswordJobType, { email: request.body.email })
      return reply.status(202).send(ACCEPTED)
    },
  )

  app.post(
    '/api/v1/auth/password/reset',
    {
      config: { access: 'public', rateLimit: auth },
      schema: {
        tags,
        summary: 'Set a new password with an e-mailed token; every session of the account ends',
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse },
      },
    },
    async (request) => {
      await resetPassword(ctx, request.body.token, request.body.password, requestMeta(request))
      return { reset: true as const }
    },
  )

  app.post(
    '/api/v1/auth/email/verify',
    {
      config: { access: 'public', rateLimit: auth },
      schema: {
        tags,
        summary: 'Open an e-mailed link: the address becomes the account’s, verified',
        body: verifyEmailBody,
        response: { 200: verifyEmailResponse },
      },
    },
    async (request) => confirmEmail(ctx, request.body.token, requestMeta(request)),
  )

  app.post(
    '/api/v1/auth/phone/code',
    {
      config: { access: 'public', rateLimit: codes },
      schema: {
        tags,
        summary: 'Text a sign-in code to a verified phone (202 whatever the number)',
        body: phoneBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await ctx.queue.send(loginCodeJobType, { phone: request.body.phone })
      return reply.status(202).send(ACCEPTED)
    },
  )

  app.post(
    '/api/v1/auth/phone/login',
    {
      config: { access: 'public', rateLimit: auth },
      schema: {
        tags,
        summary: 'Sign in with a phone and the code texted to it',
        body: phoneLoginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const result = await loginWithCode(ctx, request.body, requestMeta(request))
      setSessionCookie(reply, result.token, ctx.config)
      return { user: result.user, mfa: result.mfa }
    },
  )

  app.post(
    '/api/v1/me/email',
    {
      config: { access: SIGNED_IN, rateLimit: codes },
      schema: {
        tags,
        summary: 'E-mail a link to prove an address; opened, it becomes my e-mail',
        body: emailBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await startEmailVerification(ctx, requirePrincipal(request), request.body.email)
      return reply.status(202).send(ACCEPTED)
    },
  )

  app.post(
    '/api/v1/me/phone',
    {
      config: { access: SIGNED_IN, rateLimit: codes },
      schema: {
        tags,
        summary: 'Text a code to a number to prove it is mine',
        body: phoneBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await startPhoneVerification(ctx, requirePrincipal(request), request.body.phone)
      return reply.status(202).send(ACCEPTED)
    },
  )

  app.post(
    '/api/v1/me/phone/verify',
    {
      config: { access: SIGNED_IN, rateLimit: auth },
      schema: {
        tags,
        summary: 'The texted code: the number becomes my sign-in phone and my profile’s, verified',
        body: phoneCodeBody,
        response: { 200: meResponse },
      },
    },
    async (request) => confirmPhone(ctx, requirePrincipal(request), request.body.code, requestMeta(request)),
  )

  app.post(
    '/api/v1/me/password',
    {
      config: { access: SIGNED_IN, rateLimit: auth },
      schema: {
        tags,
        summary: 'Change my password (the current one is asked); my other sessions end',
        body: changePasswordBody,
        response: { 200: changePasswordResponse },
      },
    },
    async (request) => changePassword(ctx, requirePrincipal(request), request.body, requestMeta(request)),
  )

  app.get(
    '/api/v1/me/sessions',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'Where I am signed in', response: { 200: sessionList } },
    },
    async (request) => listMySessions(ctx, requirePrincipal(request)),
  )

  app.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: sessionParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { current } = await endMySession(
        ctx,
        requirePrincipal(request),
        request.params.id,
        requestMeta(request),
      )
      if (current) clearSessionCookie(reply, ctx.config)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/v1/me/sessions/end-others',
    {
      config: { access: SIGNED_IN },
      schema: { tags, summary: 'End every session of mine but this one', response: { 200: endedSessions } },
    },
    async (request) => endOtherSessions(ctx, requirePrincipal(request), requestMeta(request)),
  )
}
