import { type Kysely, sql } from 'kysely'

// Test and recovery records a clinician enters at their site; each issues a DCC certificate of type
// `t` or `r`, linked from health_certificates as doses are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table health_tests (
      id uuid primary key,
      person_id uuid not null references users (id) on delete cascade,
      test_type text not null check (test_type in ('LP6464-4','LP217198-3')),
      test_name text,
      manufacturer text,
      sampled_at timestamptz not null,
      result text not null check (result in ('260415000','260373001')),
      centre text not null,
      site_id uuid not null references health_sites (id),
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      check (test_type <> 'LP217198-3' or manufacturer is not null)
    )`.execute(db)
  await sql`create index health_tests_person_idx on health_tests (person_id, sampled_at)`.execute(db)

  await sql`
    create table health_recoveries (
      id uuid primary key,
      person_id uuid not null references users (id) on delete cascade,
      first_positive date not null,
      valid_from date not null,
      valid_until date not null,
      site_id uuid not null references health_sites (id),
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      check (valid_from >= first_positive + 11 and valid_until <= first_positive + 180 and valid_until >= valid_from)
    )`.execute(db)
  await sql`create index health_recoveries_person_idx on health_recoveries (person_id, first_positive)`.execute(
    db,
  )

  await sql`
    alter table health_certificates
      add column test_id uuid references health_tests (id) on delete cascade,
      add column recovery_id uuid references health_recoveries (id) on delete cascade`.execute(db)
}
