import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sendProblem } from './problem.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * SameSite cookies stop most cross-site requests; this refuses the rest: a browser's
 * state-changing request whose Origin is not ours. Clients that send no Origin are served.
 */
export const originCheckPlugin = fp(
  async (app: FastifyInstance, options: { publicUrl?: string | undefined }) => {
    const trusted = options.publicUrl ? new URL(options.publicUrl).origin : undefined
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (SAFE_METHODS.has(request.method)) return
      const origin = request.headers.origin
      if (!origin) return
      if (origin === trusted) return
      const host = request.headers.host
      if (host && (origin === `http://${host}` || origin === `https://${host}`)) return
      return sendProblem(reply, 403, 'request.cross_origin', 'Cross-site requests are not accepted')
    })
  },
)
