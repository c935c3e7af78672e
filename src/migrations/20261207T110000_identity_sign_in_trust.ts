import { type Kysely, sql } from 'kysely'

// Sign-in without hard locks (issue #16, findings 2 and 3): failures counted per hashed key with
// a sliding quiet period, proof-of-work challenges spent once, TOTP attempts per session and per
// account. The account lock columns and the per-minute address windows go.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table auth_throttle`.execute(db)
  await sql`
    create table login_failures (
      key text primary key,
      failures integer not null,
      last_failure_at timestamptz not null
    )`.execute(db)
  await sql`create index login_failures_last_idx on login_failures (last_failure_at)`.execute(db)
  await sql`
    create table login_challenges_spent (
      nonce text primary key,
      expires_at timestamptz not null
    )`.execute(db)
  await sql`create index login_challenges_spent_expires_idx on login_challenges_spent (expires_at)`.execute(
    db,
  )
  await sql`alter table sessions add column mfa_attempts integer not null default 0`.execute(db)
  await sql`
    alter table users
      add column mfa_failures integer not null default 0,
      add column mfa_retry_at timestamptz,
      drop column failed_logins,
      drop column locked_until`.execute(db)
}
