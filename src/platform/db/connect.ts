import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseTarget } from '../../config.ts'
import { openEmbedded } from './embedded.ts'
import { Mutex } from './mutex.ts'
import { PGliteDialect } from './pglite-driver.ts'
import { snapshotDataDir } from './snapshot.ts'
import { listenForSnapshots, privateSocketPath } from './snapshot-socket.ts'
import type { SqlExecutor } from './sql-executor.ts'
import { textParsers } from './type-parsers.ts'

export interface DbHandle<DB> {
  readonly db: Kysely<DB>
  readonly engine: 'embedded' | 'server'
  /** Runs SQL outside any transaction (used by pg-boss); on PGlite it takes the shared lock. */
  readonly executor: SqlExecutor
  /**
   * Embedded only: copies the data directory to `target` (new), consistent, under the lock. Other
   * processes (`lingshi backup`) ask for the same through the socket named in the lock file.
   */
  readonly snapshot?: (target: string) => Promise<void>
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
  const { socket, remove: removeSocket } = privateSocketPath()
  let opened: Awaited<ReturnType<typeof openEmbedded>>
  try {
    opened = await openEmbedded(dataDir, socket)
  } catch (err) {
    removeSocket()
    throw err
  }
  const { pg: lite, unlock } = opened
  const mutex = new Mutex()
  const snapshot = (target: string) => mutex.run(() => snapshotDataDir(lite, dataDir, target))
  const listener = await listenForSnapshots(socket, snapshot).catch(() => null)
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
  let closed = false
  return {
    db,
    engine: 'embedded',
    executor,
    snapshot,
    async close() {
      if (closed) return
      closed = true
      await listener?.close()
      removeSocket()
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
  let closed = false
  return {
    db,
    engine: 'server',
    executor,
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    },
  }
}
