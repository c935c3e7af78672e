import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { AppContext } from '../../src/context.ts'
import { openRuntime, type Runtime } from '../../src/runtime.ts'
import {
  embeddedTemplateDir,
  serverTemplateName,
  serverUrlFor,
  TEST_ENCRYPTION_KEY,
  TMP,
  templateKey,
} from './template.ts'

export interface TestRuntime {
  readonly ctx: AppContext
  readonly app: FastifyInstance
  readonly runtime: Runtime
  close(): Promise<void>
}

export interface TestRuntimeOptions {
  readonly env?: Record<string, string>
  readonly demo?: boolean
  readonly webRoot?: string
  /** Run background jobs (notification dispatch …) as the server does. */
  readonly work?: boolean
}

/** A private copy of the prepared template database, with the app built on it. */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const key = templateKey()
  const id = randomBytes(6).toString('hex')
  const baseUrl = process.env.TEST_DATABASE_URL
  const env: Record<string, string> = {
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: 'warn',
    MFA_REQUIRED: 'false',
    ...options.env,
  }
  // Each runtime has its own data directory (uploaded files live there on both engines).
  const dataDir = path.join(TMP, `run-${id}`)
  fs.mkdirSync(dataDir, { recursive: true })
  env.DATA_DIR = dataDir
  const removeDataDir = async () => fs.rmSync(dataDir, { recursive: true, force: true })
  let cleanup: () => Promise<void>
  if (baseUrl) {
    const name = `lingshi_t_${id}`
    await adminQuery(baseUrl, `create database "${name}" template "${serverTemplateName(key)}"`)
    env.DATABASE_URL = serverUrlFor(baseUrl, name)
    cleanup = async () => {
      await adminQuery(baseUrl, `drop database if exists "${name}" with (force)`)
      await removeDataDir()
    }
  } else {
    fs.cpSync(embeddedTemplateDir(key), path.join(dataDir, 'pg'), { recursive: true })
    cleanup = removeDataDir
  }
  const config = loadConfig(env, { demo: options.demo ?? false })
  const runtime = await openRuntime(config)
  await runtime.ctx.queue.start()
  if (options.work) await runtime.ctx.queue.work()
  const app = await buildApp(runtime.ctx, {
    readiness: { ready: true, stage: 'ready' },
    webRoot: options.webRoot ?? path.join(TMP, 'no-web'),
  })
  await app.ready()
  return {
    ctx: runtime.ctx,
    app,
    runtime,
    async close() {
      await app.close()
      await runtime.close()
      await cleanup()
    },
  }
}

async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
