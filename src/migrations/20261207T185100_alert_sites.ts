import { type Kysely, sql } from 'kysely'

// Alerts reach enterprise sites (issue #12): the reach counts them, the fan-out records each site
// reached, and each site's latest headcount is kept (a later report replaces the earlier one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table alerts add column reach_sites integer`.execute(db)
  await sql`
    create table alert_sites (
      alert_id uuid not null references alerts (id) on delete cascade,
      site_id uuid not null,
      enterprise_id uuid not null,
      primary key (alert_id, site_id)
    )`.execute(db)
  await sql`
    create table alert_headcounts (
      alert_id uuid not null references alerts (id) on delete cascade,
      site_id uuid not null,
      total integer not null check (total >= 0),
      safe integer not null check (safe >= 0),
      injured integer not null check (injured >= 0),
      missing integer not null check (missing >= 0),
      reported_by uuid,
      reported_at timestamptz not null,
      case_id uuid,
      primary key (alert_id, site_id),
      check (safe + injured + missing <= total)
    )`.execute(db)
}
