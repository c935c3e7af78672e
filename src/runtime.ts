import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import { type Config, ConfigError } from './config.ts'
import type { AppContext } from './context.ts'
import type { Database } from './database.ts'
import { defineJobs } from './jobs.ts'
import { loadReferenceData } from './modules/reference/index.ts'
import { SecretBox } from './platform/crypto/secret-box.ts'
import { Signer } from './platform/crypto/signer.ts'
import { connectDatabase, type DbHandle } from './platform/db/connect.ts'
import { migrateToLatest } from './platform/db/migrator.ts'
import { createLogger } from './platform/log/logger.ts'
import { JobQueue } from './platform/queue/queue.ts'
import { LocalBlobStore } from './platform/storage/local-blob-store.ts'
import { seedDemo } from './seed/demo.ts'
import { seedDemoWorld } from './seed/demo-world.ts'

export interface Runtime {
  readonly ctx: AppContext
  readonly handle: DbHandle<Database>
  close(): Promise<void>
}

/** The key for data at rest: from ENCRYPTION_KEY, or kept beside the embedded database. */
function encryptionKey(config: Config): string {
  if (config.encryptionKey) return config.encryptionKey
  if (config.database.kind === 'server') {
    throw new ConfigError('ENCRYPTION_KEY (64 hex characters) is required when DATABASE_URL is set')
  }
  const file = path.join(config.dataDir, 'secret.key')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

export async function openRuntime(
  config: Config,
  log: FastifyBaseLogger = createLogger(config.logLevel),
): Promise<Runtime> {
  const key = encryptionKey(config)
  const secrets = new SecretBox(key)
  const signer = new Signer(key)
  const handle = await connectDatabase<Database>(config.database, {
    onIdleError: (err) => log.warn({ err }, 'an idle database connection closed'),
  })
  const queue = new JobQueue({
    executor: handle.executor,
    onError: (err) => log.error({ err }, 'job queue error'),
  })
  const blobs = new LocalBlobStore(config.attachments.dir)
  // An upload cut off by a crash leaves its staged bytes behind; a day later nobody is writing them.
  blobs
    .sweepStaging(86_400_000)
    .catch((err: unknown) => log.warn({ err }, 'could not sweep the attachment staging area'))
  const ctx: AppContext = { db: handle.db, engine: handle.engine, config, queue, secrets, blobs, signer, log }
  defineJobs(ctx)
  return {
    ctx,
    handle,
    async close() {
      await queue.stop()
      await handle.close()
    },
  }
}

export interface PrepareOptions {
  readonly demo: boolean
  readonly onStage?: (stage: string) => void
}

/** Migrations, the job queue's schema, reference data and (in demo mode) demo data: each only once. */
export async function prepareRuntime(runtime: Runtime, options: PrepareOptions): Promise<void> {
  const stage = options.onStage ?? (() => {})
  stage('migrating')
  await migrateToLatest(runtime.ctx.db)
  stage('starting job queue')
  await runtime.ctx.queue.start()
  stage('loading reference data')
  await loadReferenceData(runtime.ctx)
  if (options.demo) {
    stage('loading demo data')
    await seedDemo(runtime.ctx)
    if (runtime.ctx.config.demoWorld) {
      stage('loading the demo world')
      await seedDemoWorld(runtime.ctx)
    }
  }
}
