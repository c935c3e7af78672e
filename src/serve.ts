import type { FastifyInstance } from 'fastify'
import { buildApp, type Readiness } from './app.ts'
import type { Config } from './config.ts'
import { purgeJobType } from './modules/registrations/index.ts'
import { openRuntime, prepareRuntime } from './runtime.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo.ts'

export interface ServeOptions {
  readonly worker: boolean
  readonly http?: boolean
}

/** Listens at once (health and readiness answer), then migrates and loads; /readyz turns 200 when done. */
export async function serve(config: Config, options: ServeOptions): Promise<void> {
  const started = Date.now()
  const runtime = await openRuntime(config)
  const log = runtime.ctx.log
  const readiness: Readiness = { ready: false, stage: 'starting' }
  let app: FastifyInstance | undefined
  if (options.http !== false) {
    app = await buildApp(runtime.ctx, { readiness })
    await app.listen({ port: config.port, host: config.host })
  }
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    await app?.close()
    await runtime.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  await prepareRuntime(runtime, { demo: config.demo, onStage: (stage) => (readiness.stage = stage) })
  if (options.worker) {
    await runtime.ctx.queue.work()
    // Retention purge once a day (idempotent, so several workers doing it is harmless).
    const purge = () =>
      void runtime.ctx.queue.send(purgeJobType, {}).catch((err) => log.error({ err }, 'purge'))
    purge()
    setInterval(purge, 24 * 3_600_000).unref()
  }
  readiness.ready = true
  readiness.stage = 'ready'
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (app) printBanner(config, seconds)
  else log.info({ seconds }, 'worker ready')
}

function printBanner(config: Config, seconds: string): void {
  const url = config.publicUrl ?? `http://localhost:${config.port}`
  const db =
    config.database.kind === 'embedded'
      ? `embedded PostgreSQL+PostGIS in ${config.database.dataDir}`
      : 'PostgreSQL server'
  const lines = [
    '',
    `  Lingshi 领事 is ready in ${seconds}s at ${url}`,
    `  API docs: ${url}/api/docs   database: ${db}`,
  ]
  if (config.demo) {
    lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"):`)
    for (const a of DEMO_ACCOUNTS)
      lines.push(`    ${a.email.padEnd(30)} ${a.role}${a.missions ? ` (${a.missions.join(', ')})` : ''}`)
  }
  console.log(lines.join('\n'))
}
