import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      email text,
      phone text,
      name text not null,
      locale text not null default 'zh-CN',
      password_hash text not null,
      email_verified_at timestamptz,
      totp_secret text,
      totp_enrolled_at timestamptz,
      totp_last_step bigint,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_email_or_phone check (email is not null or phone is not null)
    )`.execute(db)
  await sql`create unique index users_email_key on users (lower(email))`.execute(db)
  await sql`create unique index users_phone_key on users (phone)`.execute(db)
  await sql`
    create table user_roles (
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('citizen','enterprise','operator','officer','duty_officer','admin')),
      primary key (user_id, role)
    )`.execute(db)
  await sql`
    create table user_missions (
      user_id uuid not null references users (id) on delete cascade,
      mission_code text not null,
      primary key (user_id, mission_code)
    )`.execute(db)
  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      mfa_pending boolean not null default false,
      ip text,
      user_agent text
    )`.execute(db)
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db)
  await sql`create index sessions_expires_idx on sessions (expires_at)`.execute(db)
  // Failed sign-ins per client address, in one-minute windows, shared by every server instance.
  await sql`
    create table auth_throttle (
      key text primary key,
      window_start timestamptz not null,
      failures integer not null
    )`.execute(db)
}
