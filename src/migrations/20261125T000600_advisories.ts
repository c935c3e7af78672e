import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table advisory_versions (
      id uuid primary key,
      country char(2) not null references countries (code),
      version integer,
      status text not null check (status in ('draft','published')),
      level smallint not null check (level between 0 and 3),
      summary_zh text not null,
      summary_en text not null,
      advice jsonb not null default '{}',
      drafted_by uuid,
      drafted_at timestamptz not null default now(),
      published_by uuid,
      published_at timestamptz,
      unique (country, version)
    )`.execute(db)
  // At most one open draft per country; published versions are history and never change.
  await sql`create unique index advisory_versions_one_draft on advisory_versions (country) where status = 'draft'`.execute(
    db,
  )
  await sql`create index advisory_versions_published_idx on advisory_versions (published_at desc) where status = 'published'`.execute(
    db,
  )
  await sql`
    create table subscriptions (
      user_id uuid not null references users (id) on delete cascade,
      country char(2) not null references countries (code),
      created_at timestamptz not null default now(),
      primary key (user_id, country)
    )`.execute(db)
  await sql`create index subscriptions_country_idx on subscriptions (country)`.execute(db)
}
