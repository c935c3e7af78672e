import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route's schemas (body, query, params, responses), by "METHOD /path": for tests and the docs. */
    routeSchemas: Map<string, FastifySchema>
  }
}

export const routeCatalogPlugin = fp(async (app: FastifyInstance) => {
  const table = new Map<string, FastifySchema>()
  app.decorate('routeSchemas', table)
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1')) return
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.set(`${method} ${route.url}`, route.schema ?? {})
  })
})
