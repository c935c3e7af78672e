// A fresh, empty database for one engine: a new database on the PostgreSQL server, or a
// temporary data directory for the embedded engine. Dropped or removed afterwards.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export type EngineName = 'embedded' | 'server'

export interface BenchDatabase {
  readonly engine: EngineName
  /** Environment for the app (in-process runtime and the spawned server). */
  readonly env: Record<string, string>
  /** Human label: the database name or the data directory. */
  readonly where: string
  /** Bytes on disk: the data directory (embedded) or pg_database_size (server). */
  sizeBytes(): Promise<number>
  /**
   * Turns PostgreSQL's JIT compilation off for new sessions, or back to the server's setting;
   * false when the engine has none to turn off.
   */
  switchJit(off: boolean): Promise<boolean>
  drop(): Promise<void>
}

const BENCH_KEY = 'b'.repeat(64)

export function serverBaseUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  )
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text)).rows
  } finally {
    await client.end()
  }
}

export function dirBytes(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0)
}

export async function createBenchDatabase(engine: EngineName): Promise<BenchDatabase> {
  const common = { ENCRYPTION_KEY: BENCH_KEY, LOG_LEVEL: 'warn' }
  if (engine === 'embedded') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-bench-registry-'))
    return {
      engine,
      env: { ...common, DATA_DIR: dataDir },
      where: dataDir,
      sizeBytes: async () => dirBytes(path.join(dataDir, 'pg')),
      switchJit: async () => false,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const base = serverBaseUrl()
  const name = `lingshi_bench_${randomBytes(4).toString('hex')}`
  await adminQuery(base, `create database "${name}"`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    engine,
    env: { ...common, DATABASE_URL: url.toString() },
    where: name,
    sizeBytes: async () => {
      const [row] = await adminQuery<{ bytes: string }>(
        url.toString(),
        'select pg_database_size(current_database()) as bytes',
      )
      return Number(row?.bytes ?? 0)
    },
    switchJit: async (off) => {
      if (!off) {
        await adminQuery(base, `alter database "${name}" reset jit`)
        return true
      }
      const [row] = await adminQuery<{ jit: string }>(url.toString(), 'show jit')
      if (row?.jit !== 'on') return false
      await adminQuery(base, `alter database "${name}" set jit = off`)
      return true
    },
    drop: async () => {
      await adminQuery(base, `drop database if exists "${name}" with (force)`)
    },
  }
}
