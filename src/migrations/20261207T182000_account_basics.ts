import { type Kysely, sql } from 'kysely'

// Account basics (issue 14): verified phones, codes sent by SMS, single-use links e-mailed, and
// e-mail-only subscribers of a country's advice and alerts. Codes and tokens are kept hashed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column phone_verified_at timestamptz`.execute(db)
  await sql`alter table profiles add column phone_verified_at timestamptz`.execute(db)

  // One-time codes sent by SMS: to verify a number (purpose phone_verify, for the signed-in
  // account) or to sign in with it (phone_login). A row is written for every code asked for,
  // account or not, so that the cooldown does not tell them apart.
  await sql`
    create table verification_codes (
      id uuid primary key,
      purpose text not null check (purpose in ('phone_verify', 'phone_login')),
      target text not null,
      user_id uuid references users (id) on delete cascade,
      code_hash text not null,
      attempts int not null default 0,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db)
  await sql`create index verification_codes_target_idx on verification_codes (purpose, target, created_at desc)`.execute(
    db,
  )

  // Links e-mailed: to verify an address, to reset a password. Only the token's SHA-256 is kept.
  await sql`
    create table account_tokens (
      token_hash text primary key,
      purpose text not null check (purpose in ('email_verify', 'password_reset')),
      user_id uuid not null references users (id) on delete cascade,
      email text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db)
  await sql`create index account_tokens_user_idx on account_tokens (user_id, purpose, created_at desc)`.execute(
    db,
  )

  // Anyone may follow a country's advice and alerts by e-mail, without an account (double opt-in).
  await sql`
    create table email_subscriptions (
      id uuid primary key,
      email text not null,
      country char(2) not null references countries (code),
      lang text not null check (lang in ('zh-CN', 'en')),
      confirm_token_hash text,
      confirm_sent_at timestamptz,
      confirmed_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index email_subscriptions_address_idx on email_subscriptions (lower(email), country)`.execute(
    db,
  )
  await sql`create index email_subscriptions_country_idx on email_subscriptions (country) where confirmed_at is not null`.execute(
    db,
  )
  // What each subscriber was already sent (an advisory version, an alert): a retried job skips them.
  await sql`
    create table email_subscription_sends (
      subscription_id uuid not null references email_subscriptions (id) on delete cascade,
      about text not null,
      sent_at timestamptz not null default now(),
      primary key (subscription_id, about)
    )`.execute(db)

  // Headers a captured mail carried (List-Unsubscribe …), shown by the demo outbox.
  await sql`alter table captured_mail add column headers jsonb not null default '{}'::jsonb`.execute(db)
}
