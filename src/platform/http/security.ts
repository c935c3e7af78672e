import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export interface SecurityOptions {
  readonly apiPerMinute: number
  readonly secure: boolean
}

/** Security headers on every response and a per-address request budget for the API. */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS at run time; Swagger UI needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
    strictTransportSecurity: options.secure,
    crossOriginEmbedderPolicy: false,
  })
  await app.register(rateLimit, {
    global: true,
    max: options.apiPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => {
      const err = new Error(`Rate limit exceeded, retry in ${context.after}`) as Error & {
        statusCode: number
      }
      err.statusCode = 429
      return err
    },
  })
})
