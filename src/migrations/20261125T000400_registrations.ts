import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table profiles (
      user_id uuid primary key references users (id) on delete cascade,
      name_latin text,
      name_zh text,
      date_of_birth date,
      sex text check (sex in ('F','M','X')),
      passport_sealed text,
      passport_digest text,
      passport_last4 text,
      phone text,
      consent_to_contact boolean not null default false,
      emergency_contacts jsonb not null default '[]',
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index profiles_passport_idx on profiles (passport_digest)`.execute(db)
  await sql`create index profiles_phone_idx on profiles (phone)`.execute(db)
  await sql`create index profiles_name_idx on profiles (lower(name_latin) text_pattern_ops)`.execute(db)
  await sql`create index profiles_name_zh_idx on profiles (name_zh text_pattern_ops)`.execute(db)
  await sql`
    create table residences (
      user_id uuid primary key references users (id) on delete cascade,
      country char(2) not null references countries (code),
      city text,
      address text,
      location geometry(Point, 4326),
      since date,
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index residences_country_idx on residences (country)`.execute(db)
  await sql`create index residences_location_idx on residences using gist (location)`.execute(db)
  await sql`
    create table trips (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      start_date date not null,
      end_date date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint trips_dates check (end_date >= start_date)
    )`.execute(db)
  await sql`create index trips_user_idx on trips (user_id, start_date)`.execute(db)
  await sql`create index trips_end_idx on trips (end_date)`.execute(db)
  // Dates are copied onto each destination so "who is where on a day" needs no join.
  await sql`
    create table trip_destinations (
      trip_id uuid not null references trips (id) on delete cascade,
      seq smallint not null,
      user_id uuid not null references users (id) on delete cascade,
      country char(2) not null references countries (code),
      city text,
      location geometry(Point, 4326),
      start_date date not null,
      end_date date not null,
      primary key (trip_id, seq)
    )`.execute(db)
  await sql`create index trip_destinations_country_idx on trip_destinations (country, start_date, end_date)`.execute(
    db,
  )
  await sql`create index trip_destinations_location_idx on trip_destinations using gist (location)`.execute(
    db,
  )
  await sql`create index trip_destinations_user_idx on trip_destinations (user_id)`.execute(db)
  await sql`
    create table current_locations (
      user_id uuid primary key references users (id) on delete cascade,
      location geometry(Point, 4326) not null,
      country char(2) references countries (code),
      accuracy_m real,
      recorded_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index current_locations_location_idx on current_locations using gist (location)`.execute(
    db,
  )
  await sql`create index current_locations_country_idx on current_locations (country)`.execute(db)
}
