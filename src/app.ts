import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppContext } from './context.ts'
import { advisoryRoutes, emailSubscriptionRoutes } from './modules/advisories/index.ts'
import { alertFeedRoutes, alertMeRoutes, alertRoutes, alertSiteRoutes } from './modules/alerts/index.ts'
import {
  batchRoutes,
  catalogueRoutes,
  myApplicationRoutes,
  paymentRoutes,
  registerRoutes,
  reviewRoutes,
} from './modules/applications/index.ts'
import { bookingRoutes, calendarRoutes, queueRoutes } from './modules/appointments/index.ts'
import { casesRoutes } from './modules/cases/index.ts'
import { consoleRoutes } from './modules/console/index.ts'
import { enterpriseRoutes } from './modules/enterprises/index.ts'
import { healthRoutes } from './modules/health/index.ts'
import { auditRoutes } from './modules/identity/audit.routes.ts'
import {
  accountRoutes,
  authRoutes,
  resolveSession,
  SESSION_COOKIE,
  userRoutes,
} from './modules/identity/index.ts'
import { notificationRoutes, pushRoutes, webhookRoutes } from './modules/notifications/index.ts'
import { referenceRoutes } from './modules/reference/index.ts'
import { meRoutes, peopleRoutes } from './modules/registrations/index.ts'
import { accessPlugin } from './platform/http/access.ts'
import { cacheControlPlugin } from './platform/http/cache-control.ts'
import { clientErrorHandler, frameworkErrors } from './platform/http/framework-errors.ts'
import { inputGuardPlugin } from './platform/http/input-guard.ts'
import { openApiPlugin } from './platform/http/openapi.ts'
import { originCheckPlugin } from './platform/http/origin-check.ts'
import { problemPlugin, sendProblem } from './platform/http/problem.ts'
import { routeCatalogPlugin } from './platform/http/route-catalog.ts'
import { securityPlugin } from './platform/http/security.ts'
import { spaPlugin } from './platform/http/spa.ts'
import { privacyRoutes } from './privacy.routes.ts'

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url))

export interface Readiness {
  ready: boolean
  stage: string
}

export interface BuildOptions {
  readonly readiness: Readiness
  readonly webRoot?: string
  readonly logger?: boolean | object
  readonly version?: string
}

/** The composition root: platform plugins, then every module's routes. No listen() here. */
export async function buildApp(ctx: AppContext, options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    logController: new LogController({
      disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace',
    }),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // No route takes plain text: such a body is refused as 415, not half-validated as a string.
  app.removeContentTypeParser('text/plain')

  await app.register(problemPlugin)
  await app.register(cacheControlPlugin)
  await app.register(routeCatalogPlugin)
  await app.register(securityPlugin, {
    apiPerMinute: ctx.config.rateLimits.apiPerMinute,
    secure: ctx.config.secureCookies,
  })
  await app.register(cookie)
  await app.register(originCheckPlugin, { publicUrl: ctx.config.publicUrl })
  await app.register(openApiPlugin, { version: options.version ?? '0.1.0' })

  // Until migrations and reference data are in, the API answers 503 rather than half-working.
  app.addHook('onRequest', async (request, reply) => {
    if (!options.readiness.ready && request.url.startsWith('/api/v1/')) {
      return sendProblem(
        reply,
        503,
        'service.starting',
        `Starting up (${options.readiness.stage}); try again shortly`,
      )
    }
  })
  await app.register(accessPlugin, {
    cookieName: SESSION_COOKIE,
    resolveSession: (token) => (options.readiness.ready ? resolveSession(ctx, token) : Promise.resolve(null)),
  })
  await app.register(inputGuardPlugin)

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  app.get('/platform.json', { schema: { hide: true } }, async () => ({ demo: ctx.config.demo }))
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) =>
    options.readiness.ready
      ? { status: 'ready' }
      : reply.status(503).send({ status: 'starting', stage: options.readiness.stage }),
  )

  await app.register(authRoutes, { ctx })
  await app.register(accountRoutes, { ctx })
  await app.register(userRoutes, { ctx })
  await app.register(auditRoutes, { ctx })
  await app.register(referenceRoutes, { ctx })
  await app.register(meRoutes, { ctx })
  await app.register(peopleRoutes, { ctx })
  await app.register(notificationRoutes, { ctx })
  await app.register(pushRoutes, { ctx })
  await app.register(webhookRoutes, { ctx })
  await app.register(advisoryRoutes, { ctx })
  await app.register(emailSubscriptionRoutes, { ctx })
  await app.register(casesRoutes, { ctx })
  await app.register(alertRoutes, { ctx })
  await app.register(alertMeRoutes, { ctx })
  await app.register(alertFeedRoutes, { ctx })
  await app.register(alertSiteRoutes, { ctx })
  await app.register(catalogueRoutes, { ctx })
  await app.register(myApplicationRoutes, { ctx })
  await app.register(reviewRoutes, { ctx })
  await app.register(registerRoutes, { ctx })
  await app.register(batchRoutes, { ctx })
  await app.register(paymentRoutes, { ctx })
  await app.register(healthRoutes, { ctx })
  await app.register(enterpriseRoutes, { ctx })
  await app.register(calendarRoutes, { ctx })
  await app.register(bookingRoutes, { ctx })
  await app.register(queueRoutes, { ctx })
  await app.register(privacyRoutes, { ctx })
  await app.register(consoleRoutes, { ctx })

  await app.register(spaPlugin, { root: options.webRoot ?? DEFAULT_WEB_ROOT })
  return app
}
