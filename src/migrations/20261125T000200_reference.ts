import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table countries (
      code char(2) primary key,
      alpha3 char(3) not null,
      numeric char(3) not null,
      name_zh text not null,
      name_en text not null,
      calling_code text,
      region_of_china boolean not null default false,
      geom geometry(MultiPolygon, 4326)
    )`.execute(db)
  await sql`create index countries_geom_idx on countries using gist (geom)`.execute(db)
  await sql`
    create table missions (
      code text primary key,
      kind text not null check (kind in ('embassy','consulate_general','consulate')),
      country char(2) not null references countries (code),
      name_zh text not null,
      name_en text not null,
      city_zh text not null,
      city_en text not null,
      address text,
      phone text,
      email text,
      location geometry(Point, 4326),
      district_countries char(2)[] not null default '{}',
      district_area geometry(MultiPolygon, 4326),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index missions_country_idx on missions (country)`.execute(db)
  await sql`create index missions_district_area_idx on missions using gist (district_area)`.execute(db)
  await sql`create index missions_district_countries_idx on missions using gin (district_countries)`.execute(
    db,
  )
  await sql`
    create table reference_loads (
      dataset text primary key,
      version text not null,
      loaded_at timestamptz not null default now()
    )`.execute(db)
  // Country shapes cut into small pieces: point-in-country tests touch a few hundred vertices, not 100,000.
  await sql`
    create table country_parts (
      id serial primary key,
      code char(2) not null references countries (code) on delete cascade,
      geom geometry(Polygon, 4326) not null
    )`.execute(db)
  await sql`create index country_parts_geom_idx on country_parts using gist (geom)`.execute(db)
  await sql`create index country_parts_code_idx on country_parts (code)`.execute(db)
}
