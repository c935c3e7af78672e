import { type Kysely, sql } from 'kysely'

// Spring Sprout: vaccination programmes (countries, dates, sites, age range), the screening a citizen
// answers per programme, the bookings made from a programme (their appointment lives in the
// appointments module), stock movements per site and lot, and adverse events after a dose.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table health_programmes (
      id uuid primary key,
      name_zh text not null,
      name_en text not null,
      products text[] not null check (cardinality(products) > 0),
      countries text[] not null check (cardinality(countries) > 0),
      starts_on date not null,
      ends_on date not null,
      min_age int check (min_age between 0 and 150),
      max_age int check (max_age between 0 and 150),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on),
      check (min_age is null or max_age is null or min_age <= max_age)
    )`.execute(db)
  await sql`create index health_programmes_countries_idx on health_programmes using gin (countries)`.execute(
    db,
  )

  await sql`
    create table health_programme_sites (
      programme_id uuid not null references health_programmes (id) on delete cascade,
      site_id uuid not null references health_sites (id),
      primary key (programme_id, site_id)
    )`.execute(db)
  await sql`create index health_programme_sites_site_idx on health_programme_sites (site_id)`.execute(db)

  await sql`
    create table health_screenings (
      programme_id uuid not null references health_programmes (id) on delete cascade,
      person_id uuid not null references users (id) on delete cascade,
      answers jsonb not null,
      flagged boolean not null,
      flags text[] not null default '{}',
      answered_at timestamptz not null default now(),
      primary key (programme_id, person_id)
    )`.execute(db)

  await sql`
    create table health_bookings (
      appointment_id uuid primary key,
      programme_id uuid not null references health_programmes (id) on delete cascade,
      person_id uuid not null references users (id) on delete cascade,
      site_id uuid not null references health_sites (id),
      dose_number int not null default 1 check (dose_number between 1 and 9),
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index health_bookings_person_idx on health_bookings (person_id, created_at)`.execute(db)

  await sql`
    create table health_stock_movements (
      id uuid primary key,
      site_id uuid not null references health_sites (id),
      product text not null,
      lot text not null,
      kind text not null check (kind in ('received','wasted','transfer_out','transfer_in')),
      doses int not null check (doses > 0),
      expires_on date,
      reason text,
      other_site_id uuid references health_sites (id),
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      check (kind <> 'received' or expires_on is not null),
      check (kind <> 'wasted' or reason is not null)
    )`.execute(db)
  await sql`create index health_stock_site_lot_idx on health_stock_movements (site_id, product, lot)`.execute(
    db,
  )
  await sql`create index health_doses_site_lot_idx on health_doses (site_id, product, lot)`.execute(db)
  await sql`create index health_doses_site_date_idx on health_doses (site_id, date)`.execute(db)

  await sql`
    create table health_adverse_events (
      id uuid primary key,
      dose_id uuid not null references health_doses (id) on delete cascade,
      person_id uuid not null references users (id) on delete cascade,
      severity text not null check (severity in ('mild','moderate','serious')),
      description text not null,
      reported_by uuid not null,
      reporter text not null check (reporter in ('citizen','clinician')),
      case_id uuid,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index health_adverse_events_dose_idx on health_adverse_events (dose_id)`.execute(db)
}
