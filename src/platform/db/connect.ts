import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseTarget } from '../../config.ts'
import { openEmbedded } from './embedded.ts'
import { Mutex } from './mutex.ts'
import { PGliteDialect } from './pglite-driver.ts'
import type { SqlExecutor } from './sql-executor.ts'
import { textParsers } from './type-parsers.ts'

export interface DbHandle<DB> {
  readonly db: Kysely<DB>
  readonly engine: 'embedded' | 'server'
  /** Runs SQL outside any transaction (used by pg-boss); on PGlite it takes the shared lock. */
  readonly executor: SqlExecutor
  close(): Promise<void>
}

export interface ConnectOptions {
  /** An idle server connection that broke (server restart, failover, terminated backend). */
  readonly onIdleError?: (err: Error) => void
}

export async function connectDatabase<DB>(
  target: DatabaseTarget,
  options: ConnectOptions = {},
): Promise<DbHandle<DB>> {
  return target.kind === 'embedded'
    ? connectEmbedded<DB>(target.dataDir)
    : connectServer<DB>(target.url, options)
}

async function connectEmbedded<DB>(dataDir: string): Promise<DbHandle<DB>> {
  const { pg: lite, unlock } = await openEmbedded(dataDir)
  const mutex = new Mutex()
  const db = new Kysely<DB>({ dialect: new PGliteDialect(lite, mutex) })
  const executor: SqlExecutor = {
    executeSql: (text, values) =>
      mutex.run(async () => {
        // pg-boss sends several statements at once without parameters: only exec() takes those.
        if (!values || values.length === 0) {
          const results = await lite.exec(text)
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] }
        }
        const result = await lite.query<Record<string, unknown>>(text, values)
        return { rows: result.rows }
      }),
  }
  return {
    db,
    engine: 'embedded',
    executor,
    async close() {
      await db.destroy()
      await mutex.run(() => lite.close())
      unlock()
    },
  }
}

async function connectServer<DB>(url: string, options: ConnectOptions): Promise<DbHandle<DB>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 20,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        textParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // Without a listener, an idle client killed by the server would crash the process; the pool
  // drops that client by itself and the next query gets a fresh one.
  pool.on('error', (err) => options.onIdleError?.(err))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  const executor: SqlExecutor = {
    executeSql: async (text, values) => {
      const result = await pool.query(text, values)
      const last = Array.isArray(result) ? result.at(-1) : result
      return { rows: last?.rows ?? [] }
    },
  }
  return {
    db,
    engine: 'server',
    executor,
    async close() {
      await db.destroy()
    },
  }
}
