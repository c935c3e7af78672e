import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // A region's advisory has its own drafts and versions, like a country's. `region_key` is the
  // ISO 3166-2 code (TH-90) or a lower-case slug naming a drawn area. A retire is a published
  // version with `retired` set, so it appears in the history and the feed like any change.
  await sql`
    create table advisory_region_versions (
      id uuid primary key,
      country char(2) not null references countries (code),
      region_key text not null,
      version integer,
      status text not null check (status in ('draft','published')),
      retired boolean not null default false,
      level smallint not null check (level between 0 and 3),
      name_zh text not null,
      name_en text not null,
      summary_zh text not null,
      summary_en text not null,
      advice jsonb not null default '{}',
      area geometry(MultiPolygon, 4326),
      drafted_by uuid,
      drafted_at timestamptz not null default now(),
      published_by uuid,
      published_at timestamptz,
      unique (country, region_key, version),
      constraint advisory_region_versions_retired_published check (status = 'published' or not retired)
    )`.execute(db)
  await sql`create unique index advisory_region_versions_one_draft on advisory_region_versions (country, region_key) where status = 'draft'`.execute(
    db,
  )
  await sql`create index advisory_region_versions_current_idx on advisory_region_versions (country, region_key, version desc) where status = 'published'`.execute(
    db,
  )
  await sql`create index advisory_region_versions_published_idx on advisory_region_versions (published_at desc) where status = 'published'`.execute(
    db,
  )
}
