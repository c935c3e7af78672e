import { type Kysely, sql } from 'kysely'

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One-click answers: [{key, label: {zh-CN, en}}] and the path template each recipient's signed link fills.
  await sql`alter table messages add column actions jsonb, add column action_url text`.execute(db)

  await sql`alter table deliveries drop constraint deliveries_channel_check`.execute(db)
  await sql`
    alter table deliveries
      add constraint deliveries_channel_check
        check (channel in ('inbox','email','push','sms','webhook')),
      add column provider_ref text`.execute(db)

  // A job claims a message's queued deliveries of one channel in id order: walked along this index,
  // a claim reads only its batch, not every delivery of a million-person fan-out.
  await sql`create index deliveries_claim_idx on deliveries (message_id, channel, id) where state = 'queued'`.execute(
    db,
  )

  await sql`alter table notification_preferences add column sms boolean not null default true`.execute(db)

  await sql`
    create table webhook_endpoints (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      url text not null,
      secret_sealed text not null,
      description text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      last_success_at timestamptz,
      last_failure_at timestamptz,
      failure_count integer not null default 0
    )`.execute(db)
  await sql`create index webhook_endpoints_user_idx on webhook_endpoints (user_id, id)`.execute(db)

  // What each endpoint answered for a delivery, so a retry reaches only the endpoints still owed it.
  await sql`
    create table webhook_sends (
      delivery_id uuid not null references deliveries (id) on delete cascade,
      endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
      outcome text not null check (outcome in ('sent','rejected')),
      status_code integer,
      at timestamptz not null default now(),
      primary key (delivery_id, endpoint_id)
    )`.execute(db)
  await sql`create index webhook_sends_endpoint_idx on webhook_sends (endpoint_id)`.execute(db)
}
