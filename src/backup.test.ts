import fs from 'node:fs'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, registerCitizen } from '../test/helpers/http.ts'
import { TEST_ENCRYPTION_KEY } from '../test/helpers/template.ts'
import { startTestRuntime, type TestRuntime } from '../test/helpers/test-runtime.ts'
import { buildApp } from './app.ts'
import { backupDatabase, restoreDatabase } from './backup.ts'
import { loadConfig } from './config.ts'
import type { Database } from './database.ts'
import { openRuntime } from './runtime.ts'
import { DEMO_PASSWORD, seedDemo } from './seed/demo.ts'

/** Every table of the application's schema: its row count and a digest of its rows. */
async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db)
  const out: Record<string, string> = {}
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number; digest: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest
        from ${sql.table(name)} t`.execute(db)
    out[name] = `${rows[0]?.n} rows ${rows[0]?.digest}`
  }
  return out
}

const embedded = !process.env.TEST_DATABASE_URL

describe(`backup and restore (${embedded ? 'embedded' : 'server'})`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime()
    await seedDemo(rt.ctx)
  })
  afterAll(async () => {
    await rt?.close()
  })

  it.runIf(embedded)(
    'opens a copy of the data directory taken while it runs, lock file and all',
    async () => {
      const config = rt.ctx.config
      const copyDir = `${config.dataDir}-copy`
      fs.cpSync(config.dataDir, copyDir, { recursive: true })
      try {
        expect(fs.existsSync(path.join(copyDir, 'pg.lock'))).toBe(true)
        const copy = await openRuntime(
          loadConfig(
            { DATA_DIR: copyDir, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'warn' },
            { demo: false },
          ),
        )
        try {
          expect(await fingerprint(copy.ctx.db)).toEqual(await fingerprint(rt.ctx.db))
        } finally {
          await copy.close()
        }
      } finally {
        fs.rmSync(copyDir, { recursive: true, force: true })
      }
    },
  )

  it('backs up while running; a restore gives back exactly that, with every session ended', async () => {
    const config = rt.ctx.config
    const file = path.join(config.dataDir, 'lingshi.backup')
    const officer = await login(rt.app, 'officer.tokyo@demo.lingshi', DEMO_PASSWORD)
    const atBackup = await fingerprint(rt.ctx.db)

    const backup = await backupDatabase(config, file)
    expect(backup.bytes).toBe(fs.statSync(file).size)
    await expect(backupDatabase(config, file)).rejects.toThrow(/exists already/)
    if (embedded) {
      // Elsewhere, without the key the backup's sealed fields were made with, a restore is refused.
      const elsewhere = loadConfig(
        { DATA_DIR: `${config.dataDir}-elsewhere`, LOG_LEVEL: 'warn' },
        { demo: false },
      )
      await expect(restoreDatabase(elsewhere, file)).rejects.toThrow(/No key for data at rest/)
      expect(fs.existsSync(elsewhere.dataDir)).toBe(false)
    }

    // Written after the backup: a citizen, her session, the officer's audit trail.
    const citizen = await registerCitizen(rt.app)
    expect(
      (await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: citizen.cookie } }))
        .statusCode,
    ).toBe(200)
    expect(await fingerprint(rt.ctx.db)).not.toEqual(atBackup)

    // Restoring under a running platform is refused, and changes nothing.
    await expect(restoreDatabase(config, file)).rejects.toThrow(
      embedded ? /in use by this process: stop it before restoring/ : /other sessions are connected/,
    )
    expect(
      (await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: citizen.cookie } }))
        .statusCode,
    ).toBe(200)

    await rt.app.close()
    await rt.runtime.close()
    const restored = await restoreDatabase(config, file)
    expect(restored.sessionsEnded).toBeGreaterThan(0)

    const reopened = await openRuntime(config)
    try {
      const now = await fingerprint(reopened.ctx.db)
      expect(now.sessions).toMatch(/^0 rows/)
      expect({ ...now, sessions: '' }).toEqual({ ...atBackup, sessions: '' })
      const app = await buildApp(reopened.ctx, { readiness: { ready: true, stage: 'ready' } })
      try {
        for (const cookie of [officer.cookie, citizen.cookie]) {
          const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })
          expect(me.statusCode).toBe(401)
        }
        await login(app, 'officer.tokyo@demo.lingshi', DEMO_PASSWORD)
      } finally {
        await app.close()
      }
    } finally {
      await reopened.close()
    }
  })

  it.runIf(!embedded)('says what to install when the PostgreSQL client tools are missing', async () => {
    const path_ = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      await expect(
        backupDatabase(rt.ctx.config, path.join(rt.ctx.config.dataDir, 'never.backup')),
      ).rejects.toThrow(/pg_dump was not found: install the PostgreSQL client tools/)
    } finally {
      process.env.PATH = path_
    }
  })
})
