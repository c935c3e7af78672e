import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { sendProblem } from './problem.ts'

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Lingshi</title>
<p>The web app is not built yet. Run <code>npm run build:web</code>. / 网页应用尚未构建。</p>`

/**
 * Files under /assets/ carry a content hash in their name: a year, never revalidated. Anything
 * else (index.html, the service worker, icons) is checked each time, so a new release is seen.
 */
export function cacheControlOf(file: string): string {
  return /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** Serves the built web app; any non-API path that is not a file gets index.html (client routing). */
export const spaPlugin = fp(async (app: FastifyInstance, options: { root: string }) => {
  const index = path.join(options.root, 'index.html')
  const built = fs.existsSync(index)
  if (built) {
    await app.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text file: sent as the browser accepts them.
      preCompressed: true,
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.header('cache-control', cacheControlOf(file))
        // The worker lives at the root and controls the whole site (offline pages, push).
        if (path.basename(file) === 'sw.js') reply.header('service-worker-allowed', '/')
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/'
    if (url.startsWith('/api/') || request.method !== 'GET') {
      return sendProblem(reply, 404, 'route.not_found', `No route for ${request.method} ${url}`)
    }
    if (!built) return reply.type('text/html').send(NOT_BUILT)
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html')
  })
})
