import { type Kysely, sql } from 'kysely'

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists postgis`.execute(db)
  await sql`
    create table audit_log (
      id uuid primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_roles text[] not null default '{}',
      action text not null,
      subject_type text,
      subject_id text,
      ip text,
      details jsonb not null default '{}'
    )`.execute(db)
  await sql`create index audit_log_subject_idx on audit_log (subject_type, subject_id, at desc)`.execute(db)
  await sql`create index audit_log_actor_idx on audit_log (actor_id, at desc)`.execute(db)
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db)
  // Append-only: what happened cannot be rewritten by the application.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db)
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db)
}
