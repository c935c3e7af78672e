import { sql } from 'kysely'
import type { AppContext } from '../../../src/context.ts'

export type RowCounts = ReadonlyMap<string, number>

/** The public tables of the database (the job queue keeps its own schema, not counted). */
export async function publicTables(ctx: AppContext): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     order by c.relname`.execute(ctx.db)
  return rows.rows.map((r) => r.name)
}

/** The number of rows of each table, in one statement (cheap on the small world of the tests). */
export async function countRows(ctx: AppContext, tables: readonly string[]): Promise<RowCounts> {
  const parts = tables.map((t) => sql`select ${t}::text as name, count(*)::int as n from ${sql.table(t)}`)
  const rows = await sql<{ name: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(ctx.db)
  return new Map(rows.rows.map((r) => [r.name, Number(r.n)]))
}

/** The tables whose count changed, as `table before→after`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names]
    .filter((t) => before.get(t) !== after.get(t))
    .map((t) => `${t} ${before.get(t) ?? 0}→${after.get(t) ?? 0}`)
}

/**
 * Waits until no background job is due or running, so that what a successful request set off
 * (a fan-out, an e-mail) has written before the next count. Timers set for later do not count.
 */
export async function waitForQuietQueue(ctx: AppContext, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const busy = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job
       where state in ('created', 'retry', 'active') and start_after <= now()`.execute(ctx.db)
    if (Number(busy.rows[0]?.n ?? 0) === 0) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}
