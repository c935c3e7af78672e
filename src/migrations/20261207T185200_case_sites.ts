import { type Kysely, sql } from 'kysely'

// A case opened from an enterprise site (a missing person in an alert's headcount, a severe
// incident) carries the site and its enterprise.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column site_id uuid, add column enterprise_id uuid`.execute(db)
  await sql`create index cases_site_idx on cases (site_id) where site_id is not null`.execute(db)
}
