import { type Kysely, sql } from 'kysely'

// Overseas enterprises (issue #12): the enterprise with its unified social credit code, its members
// and their roles, its sites abroad (a point and an optional drawn area), security self-assessments
// with their history, and incidents reported from a site.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprises (
      id uuid primary key,
      name text not null,
      name_zh text not null,
      credit_code char(18) not null,
      province text not null,
      industry text not null,
      contact_name text,
      contact_phone text,
      contact_email text,
      status text not null default 'pending' check (status in ('pending','verified')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      verified_by uuid references users (id) on delete set null,
      verified_at timestamptz
    )`.execute(db)
  await sql`create unique index enterprises_credit_code_key on enterprises (credit_code)`.execute(db)
  await sql`create index enterprises_status_idx on enterprises (status, created_at)`.execute(db)

  await sql`
    create table enterprise_members (
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('admin','security_officer')),
      added_at timestamptz not null default now(),
      primary key (enterprise_id, user_id)
    )`.execute(db)
  await sql`create index enterprise_members_user_idx on enterprise_members (user_id)`.execute(db)

  await sql`
    create table enterprise_sites (
      id uuid primary key,
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      name text not null,
      kind text not null,
      country char(2) not null references countries (code),
      location geometry(Point, 4326) not null,
      area geometry(MultiPolygon, 4326),
      staff_chinese integer not null default 0 check (staff_chinese >= 0),
      staff_local integer not null default 0 check (staff_local >= 0),
      staff_other integer not null default 0 check (staff_other >= 0),
      officer_name text not null,
      officer_phone text not null,
      officer_email text not null,
      measures jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index enterprise_sites_enterprise_idx on enterprise_sites (enterprise_id, id)`.execute(db)
  await sql`create index enterprise_sites_country_idx on enterprise_sites (country, id)`.execute(db)
  await sql`create index enterprise_sites_location_idx on enterprise_sites using gist (location)`.execute(db)
  await sql`create index enterprise_sites_area_idx on enterprise_sites using gist (area)`.execute(db)

  await sql`
    create table enterprise_assessments (
      id uuid primary key,
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      answers jsonb not null,
      score integer not null check (score between 0 and 100),
      sections jsonb not null,
      gaps jsonb not null,
      submitted_by uuid references users (id) on delete set null,
      submitted_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index enterprise_assessments_enterprise_idx on enterprise_assessments (enterprise_id, submitted_at desc)`.execute(
    db,
  )

  await sql`
    create table enterprise_incidents (
      id uuid primary key,
      enterprise_id uuid not null references enterprises (id) on delete cascade,
      site_id uuid not null references enterprise_sites (id) on delete cascade,
      kind text not null,
      summary text not null,
      contact_id uuid not null,
      case_id uuid,
      reported_by uuid references users (id) on delete set null,
      reported_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index enterprise_incidents_site_idx on enterprise_incidents (site_id, reported_at desc)`.execute(
    db,
  )
}
