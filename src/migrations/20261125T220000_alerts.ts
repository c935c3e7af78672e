import { type Kysely, sql } from 'kysely'

// Safety alerts (the CAP message kept whole, with what we derive from it for targeting and
// lists), the references of Updates and Cancels, and each recipient's safety-check answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table alerts (
      id uuid primary key,
      identifier text not null,
      sender text not null,
      sent timestamptz not null,
      cap_status text not null,
      msg_type text not null check (msg_type in ('Alert','Update','Cancel','Ack','Error')),
      scope text not null,
      status text not null
        check (status in ('draft','pending_approval','sending','sent','cancelled','expired')),
      origin text not null check (origin in ('console','api','cap','usgs','gdacs')),
      cap jsonb not null,
      safety_check boolean not null,
      event text not null,
      severity text not null,
      headline text not null,
      effective_at timestamptz not null,
      expires_at timestamptz,
      area geometry(Geometry, 4326),
      geocode_countries char(2)[] not null default '{}',
      countries char(2)[] not null default '{}',
      unplaced jsonb not null default '[]',
      reach_people integer,
      reach_trips integer,
      reach_subscribers integer,
      reach_counted_at timestamptz,
      original_id uuid references alerts (id),
      message_id uuid,
      recipients integer,
      created_by uuid,
      created_at timestamptz not null default now(),
      submitted_by uuid,
      approved_by uuid,
      sent_by uuid,
      sent_at timestamptz,
      unique (sender, identifier, sent)
    )`.execute(db)
  await sql`create index alerts_status_idx on alerts (status, id desc)`.execute(db)
  await sql`create index alerts_countries_idx on alerts using gin (countries)`.execute(db)
  await sql`create index alerts_original_idx on alerts (original_id) where original_id is not null`.execute(
    db,
  )

  await sql`
    create table alert_references (
      alert_id uuid not null references alerts (id) on delete cascade,
      sender text not null,
      identifier text not null,
      sent timestamptz not null,
      primary key (alert_id, sender, identifier, sent)
    )`.execute(db)
  await sql`create index alert_references_target_idx on alert_references (sender, identifier, sent)`.execute(
    db,
  )

  await sql`
    create table alert_recipients (
      alert_id uuid not null references alerts (id) on delete cascade,
      user_id uuid not null,
      placed boolean not null,
      answer text check (answer in ('safe','need_help','not_in_area')),
      answered_at timestamptz,
      answered_via text check (answered_via in ('app','link','push','hotline')),
      contact_id uuid,
      primary key (alert_id, user_id)
    )`.execute(db)
  await sql`create index alert_recipients_answer_idx on alert_recipients (alert_id, answer)`.execute(db)
  await sql`create index alert_recipients_user_idx on alert_recipients (user_id, alert_id desc)`.execute(db)

  await sql`
    create table alert_feed_polls (
      url text primary key,
      kind text not null check (kind in ('usgs','gdacs','cap')),
      last_polled_at timestamptz not null,
      last_ok_at timestamptz,
      last_error text,
      created integer not null default 0,
      held integer not null default 0,
      skipped integer not null default 0
    )`.execute(db)
}
