import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'
import type { Database } from '../../src/database.ts'

/** The rows a query is answered with (none unless said), so code that reads a first result can go on. */
export type Answer = (query: CompiledQuery) => Record<string, unknown>[]

/**
 * A Kysely instance over no database: queries are compiled by the PostgreSQL compiler, kept in
 * `sent`, and answered by `answer`. Transactions are accepted and do nothing.
 */
export function capturingDb(answer: Answer = () => []): { db: Kysely<Database>; sent: CompiledQuery[] } {
  const sent: CompiledQuery[] = []
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      if (!/^(begin|commit|rollback)\b/i.test(query.sql)) sent.push(query)
      return { rows: answer(query) as R[] }
    },
    // biome-ignore lint/correctness/useYield: nothing to stream without a database.
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('no streaming without a database')
    },
  }
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  }
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (k) => new PostgresIntrospector(k),
    },
  })
  return { db, sent }
}
