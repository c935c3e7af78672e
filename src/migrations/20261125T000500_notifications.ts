import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // A message is written once, in both languages; each recipient reads it in their own.
  await sql`
    create table messages (
      id uuid primary key,
      kind text not null,
      about_type text,
      about_id text,
      title_zh text not null,
      title_en text not null,
      body_zh text not null,
      body_en text not null,
      link text,
      emergency boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index messages_about_idx on messages (about_type, about_id, created_at desc)`.execute(db)
  await sql`
    create table deliveries (
      id uuid primary key,
      message_id uuid not null references messages (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      channel text not null check (channel in ('inbox','email','push')),
      state text not null check (state in ('queued','sent','delivered','failed')),
      attempts integer not null default 0,
      last_error text,
      next_attempt_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      read_at timestamptz,
      unique (message_id, user_id, channel)
    )`.execute(db)
  await sql`create index deliveries_inbox_idx on deliveries (user_id, created_at desc) where channel = 'inbox'`.execute(
    db,
  )
  await sql`create index deliveries_queued_idx on deliveries (message_id, next_attempt_at) where state = 'queued'`.execute(
    db,
  )
  await sql`
    create table notification_preferences (
      user_id uuid primary key references users (id) on delete cascade,
      email boolean not null default true,
      push boolean not null default true,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`
    create table push_subscriptions (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      endpoint text not null unique,
      p256dh text not null,
      auth text not null,
      created_at timestamptz not null default now()
    )`.execute(db)
  // Mail kept instead of sent when no SMTP server is configured (the embedded demo).
  await sql`
    create table captured_mail (
      id uuid primary key,
      delivery_id uuid not null unique,
      message_id_header text not null,
      recipient text not null,
      subject text not null,
      body text not null,
      captured_at timestamptz not null default now()
    )`.execute(db)
}
