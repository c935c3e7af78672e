import { type Kysely, sql } from 'kysely'

// Alerts sent about a crisis (drafts included, so the page can link one before it is sent): the
// manifest shows each person's latest answer to them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table crisis_alerts (
      crisis_id uuid not null references crises(id) on delete cascade,
      alert_id uuid not null references alerts(id) on delete cascade,
      linked_by uuid references users(id),
      linked_at timestamptz not null default now(),
      primary key (crisis_id, alert_id)
    )`.execute(db)
  await sql`create index crisis_alerts_alert_idx on crisis_alerts (alert_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table crisis_alerts`.execute(db)
}
