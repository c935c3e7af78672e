import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { sendProblem } from './problem.ts'

/** Who is calling: set by the session hook, read by routes. Roles are the identity module's names. */
export interface Principal {
  readonly userId: string
  readonly sessionId: string
  readonly roles: readonly string[]
  readonly missions: readonly string[]
  /** Signed in with a password but TOTP still to verify or enrol. */
  readonly mfaPending: boolean
}

/** Every /api route declares this in `config.access`: public, or the roles that may call it. */
export type Access = 'public' | { roles: readonly string[]; allowMfaPending?: boolean }

export interface AccessOptions {
  readonly cookieName: string
  resolveSession(token: string, request: FastifyRequest): Promise<Principal | null>
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyInstance {
    /** Every API route with the access it declared, for tests and the docs. */
    routeAccess: Map<string, Access>
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('requirePrincipal on a public route')
  return request.principal
}

/**
 * Authorization runs in onRequest, before the body is parsed or validated, so a caller
 * without the role learns nothing about the body's shape. A route under /api/ that does
 * not declare its access fails at start-up.
 */
export const accessPlugin = fp(async (app: FastifyInstance, options: AccessOptions) => {
  app.decorateRequest('principal', null)
  const table = new Map<string, Access>()
  app.decorate('routeAccess', table)

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1')) return
    const access = route.config?.access
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`)
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.set(`${method} ${route.url}`, access)
  })

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies?.[options.cookieName]
    request.principal = token ? await options.resolveSession(token, request) : null
    const access = request.routeOptions.config?.access
    if (!access || access === 'public') return
    const principal = request.principal
    if (!principal) return sendProblem(reply, 401, 'auth.unauthenticated', 'Sign in to use this resource')
    if (principal.mfaPending && !access.allowMfaPending) {
      return sendProblem(reply, 401, 'auth.mfa_required', 'Complete two-factor verification first')
    }
    if (!access.roles.some((role) => principal.roles.includes(role))) {
      return sendProblem(reply, 403, 'auth.forbidden', 'Your role does not allow this action')
    }
  })
})
