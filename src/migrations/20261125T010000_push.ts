import { type Kysely, sql } from 'kysely'

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The table was created empty with the notifications module; nothing wrote to it before this.
  await sql`
    alter table push_subscriptions
      add column label text,
      add column user_agent text,
      add column updated_at timestamptz not null default now(),
      add column last_success_at timestamptz,
      add column last_failure_at timestamptz,
      add column failure_count integer not null default 0`.execute(db)
  await sql`create index push_subscriptions_user_idx on push_subscriptions (user_id, id)`.execute(db)

  // One row at most: the key pair generated when none is configured, shared by every instance.
  await sql`
    create table push_vapid_keys (
      id boolean primary key default true check (id),
      public_key text not null,
      private_key_sealed text not null,
      created_at timestamptz not null default now()
    )`.execute(db)

  // What each device answered for a delivery, so a retry reaches only the devices still owed it.
  await sql`
    create table push_sends (
      delivery_id uuid not null references deliveries (id) on delete cascade,
      subscription_id uuid not null references push_subscriptions (id) on delete cascade,
      outcome text not null check (outcome in ('sent','rejected')),
      status_code integer,
      at timestamptz not null default now(),
      primary key (delivery_id, subscription_id)
    )`.execute(db)
  await sql`create index push_sends_subscription_idx on push_sends (subscription_id)`.execute(db)
}
