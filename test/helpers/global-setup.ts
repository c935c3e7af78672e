import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { loadConfig } from '../../src/config.ts'
import { openRuntime, prepareRuntime } from '../../src/runtime.ts'
import {
  embeddedTemplateDir,
  serverTemplateName,
  serverUrlFor,
  TEST_ENCRYPTION_KEY,
  TMP,
  templateKey,
} from './template.ts'

/**
 * Prepares one database (migrations, job queue schema, reference data) that every test file
 * copies: a data directory on the embedded engine, a template database on a server.
 */
export default async function setup(): Promise<void> {
  const key = templateKey()
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) return prepareServerTemplate(serverUrl, key)
  return prepareEmbeddedTemplate(key)
}

async function prepareEmbeddedTemplate(key: string): Promise<void> {
  const dir = embeddedTemplateDir(key)
  const done = path.join(dir, '..', 'READY')
  if (fs.existsSync(done)) return
  for (const old of fs.existsSync(TMP) ? fs.readdirSync(TMP) : []) {
    if (old.startsWith('template-')) fs.rmSync(path.join(TMP, old), { recursive: true, force: true })
  }
  const config = loadConfig(
    { DATA_DIR: path.dirname(dir), ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'warn' },
    { demo: false },
  )
  const started = Date.now()
  const rt = await openRuntime(config)
  await prepareRuntime(rt, { demo: false })
  await rt.close()
  fs.writeFileSync(done, new Date().toISOString())
  reportPrepared('embedded', started)
}

/** The one-off cost of a run whose migrations or reference data changed, apart from the projects' times. */
function reportPrepared(engine: string, started: number): void {
  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(`${process.env.CI ? 'ci: ' : ''}test template prepared (${engine}) in ${seconds} s`)
}

async function prepareServerTemplate(baseUrl: string, key: string): Promise<void> {
  const name = serverTemplateName(key)
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    const ready = exists.rowCount ? await templateIsReady(serverUrlFor(baseUrl, name)) : false
    if (ready) return
    if (exists.rowCount) await admin.query(`drop database "${name}" with (force)`)
    await admin.query(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const started = Date.now()
  const config = loadConfig(
    { DATABASE_URL: serverUrlFor(baseUrl, name), ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'warn' },
    { demo: false },
  )
  const rt = await openRuntime(config)
  await prepareRuntime(rt, { demo: false })
  await rt.ctx.db.schema
    .createTable('lingshi_template_ready')
    .ifNotExists()
    .addColumn('at', 'timestamptz')
    .execute()
  await rt.close()
  reportPrepared('server', started)
}

async function templateIsReady(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const r = await client.query("select to_regclass('lingshi_template_ready') is not null as ready")
    return r.rows[0]?.ready === true
  } finally {
    await client.end()
  }
}
