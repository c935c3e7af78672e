import { type Kysely, sql } from 'kysely'
import type { Database, Db } from '../../database.ts'

export interface NewCitizen {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly locale: string
}

/** Citizens by the thousand in two statements (a synthetic registry): one password hash for all. */
export async function insertCitizens(
  db: Db,
  citizens: readonly NewCitizen[],
  passwordHash: string,
): Promise<void> {
  if (citizens.length === 0) return
  const ids = citizens.map((c) => c.id)
  await sql`
    insert into users (id, email, name, locale, password_hash)
    select t.id, t.email, t.name, t.locale, ${passwordHash}
      from unnest(${ids}::uuid[], ${citizens.map((c) => c.email)}::text[],
                  ${citizens.map((c) => c.name)}::text[], ${citizens.map((c) => c.locale)}::text[])
           as t(id, email, name, locale)`.execute(db)
  await sql`
    insert into user_roles (user_id, role)
    select t.id, 'citizen' from unnest(${ids}::uuid[]) as t(id)`.execute(db)
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return row !== undefined
}

/** After a bulk load: statistics for the planner and the visibility map for index-only scans. */
export async function vacuumCitizens(db: Kysely<Database>): Promise<void> {
  await sql`vacuum (analyze) users, user_roles`.execute(db)
}

/** Account ids by e-mail (seeding and operations tools; addresses not found are left out). */
export async function accountIdsByEmail(db: Db, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', [...emails])
    .execute()
  return new Map(rows.flatMap((r) => (r.email ? [[r.email, r.id] as const] : [])))
}
