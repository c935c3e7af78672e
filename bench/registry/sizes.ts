import { sql } from 'kysely'
import type { AppContext } from '../../src/context.ts'

const TABLES = ['users', 'user_roles', 'profiles', 'residences', 'trips', 'trip_destinations'] as const

/** pg_database_size and, per registry table, its heap and its indexes. */
export async function databaseSizes(ctx: AppContext) {
  const db = await sql<{ bytes: number }>`select pg_database_size(current_database())::int8 as bytes`.execute(
    ctx.db,
  )
  const tables = await sql<{ name: string; table_bytes: number; index_bytes: number }>`
    select c.relname as name, pg_table_size(c.oid)::int8 as table_bytes, pg_indexes_size(c.oid)::int8 as index_bytes
      from pg_class c
     where c.relname = any(${[...TABLES]}::text[]) and c.relkind = 'r'
     order by c.relname`.execute(ctx.db)
  return { databaseBytes: db.rows[0]?.bytes ?? 0, tables: tables.rows }
}
