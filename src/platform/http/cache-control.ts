import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import './access.ts'

/**
 * Only what anyone may read, asked for without a session, may be kept by a cache: a public
 * route's own `Cache-Control` (a short public max-age) stands then. Everything else under the
 * API — a signed-in caller's answers, anything under /me, errors, writes — is `no-store`, so no
 * browser, proxy or shared computer keeps a passport number or a case file.
 */
export const cacheControlPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.url.startsWith('/api/v1/')) return payload
    if (!(publiclyCacheable(request, reply) && reply.hasHeader('cache-control'))) {
      reply.header('cache-control', 'no-store')
    }
    return payload
  })
})

function publiclyCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (reply.statusCode >= 300) return false
  if (request.principal || request.url.startsWith('/api/v1/me')) return false
  return request.routeOptions.config?.access === 'public'
}
