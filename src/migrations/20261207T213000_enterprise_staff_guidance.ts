import { type Kysely, sql } from 'kysely'

// Overseas enterprises, second part (issue #12): rosters of a site's staff (passport numbers sealed
// as the registry seals them) and their pre-departure training; per-country security guidance for
// enterprises, versioned like advisories (a draft row has no version); the evacuation plan of a
// site; the levels a self-assessment was made under; the reminders already sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise_staff (
      id uuid primary key,
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      site_id uuid not null references enterprise_sites (id) on delete cascade,
      name text not null,
      phone text not null,
      passport_sealed text,
      passport_digest text,
      passport_last4 text,
      user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index enterprise_staff_site_phone_key on enterprise_staff (site_id, phone)`.execute(
    db,
  )
  await sql`create index enterprise_staff_enterprise_idx on enterprise_staff (enterprise_id, site_id)`.execute(
    db,
  )
  await sql`create index enterprise_staff_user_idx on enterprise_staff (user_id) where user_id is not null`.execute(
    db,
  )

  await sql`
    create table enterprise_trainings (
      id uuid primary key,
      staff_id uuid not null references enterprise_staff (id) on delete cascade,
      course text not null,
      taken_on date not null,
      valid_until date not null,
      created_at timestamptz not null default now(),
      check (valid_until >= taken_on)
    )`.execute(db)
  await sql`create index enterprise_trainings_staff_idx on enterprise_trainings (staff_id, valid_until desc)`.execute(
    db,
  )

  await sql`
    create table enterprise_guidance (
      id uuid primary key,
      country char(2) not null references countries (code),
      version integer,
      title_zh text not null,
      title_en text not null,
      body_zh text not null,
      body_en text not null,
      drafted_by uuid references users (id) on delete set null,
      drafted_at timestamptz not null default now(),
      published_by uuid references users (id) on delete set null,
      published_at timestamptz
    )`.execute(db)
  await sql`create unique index enterprise_guidance_draft_key on enterprise_guidance (country) where version is null`.execute(
    db,
  )
  await sql`create unique index enterprise_guidance_version_key on enterprise_guidance (country, version) where version is not null`.execute(
    db,
  )

  await sql`alter table enterprise_sites
    add column plan_sha256 text, add column plan_size integer, add column plan_name text,
    add column plan_uploaded_at timestamptz`.execute(db)
  await sql`alter table enterprise_assessments add column site_levels jsonb not null default '{}'`.execute(db)

  await sql`
    create table enterprise_reminders (
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      key text not null,
      sent_at timestamptz not null default now(),
      primary key (enterprise_id, key)
    )`.execute(db)
}
