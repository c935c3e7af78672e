import { type Kysely, sql } from 'kysely'

// A mission's 24-hour consular protection line and its opening hours (zh-CN and English), beside
// the office phone and e-mail it already has; edited by its officers and the administrators.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table missions add column emergency_phone text`.execute(db)
  await sql`alter table missions add column hours jsonb`.execute(db)
  await sql`alter table missions add column contacts_updated_at timestamptz`.execute(db)
}
