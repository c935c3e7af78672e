import { type Kysely, sql } from 'kysely'

const PERSON_STATUSES = `'unaccounted','safe','needs_help','wants_to_leave','checked_in','boarded','left_area'`

// Crisis events (an incident's area and window) and their evacuations: assembly points,
// transport legs, and each person's status with its history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table crises (
      id uuid primary key,
      name text not null,
      country char(2) not null references countries (code),
      area geometry(Polygon, 4326) not null,
      starts_at timestamptz not null,
      status text not null default 'active' check (status in ('active','closed')),
      created_by uuid,
      created_at timestamptz not null,
      closed_at timestamptz,
      closed_by uuid
    )`.execute(db)
  await sql`create index crises_country_idx on crises (country, id desc)`.execute(db)
  await sql`create index crises_area_idx on crises using gist (area) where status = 'active'`.execute(db)

  await sql`
    create table crisis_cases (
      crisis_id uuid not null references crises (id) on delete cascade,
      case_id uuid not null references cases (id) on delete cascade,
      linked_by uuid,
      linked_at timestamptz not null default now(),
      primary key (crisis_id, case_id)
    )`.execute(db)
  await sql`
    create table crisis_contacts (
      crisis_id uuid not null references crises (id) on delete cascade,
      contact_id uuid not null references contacts (id) on delete cascade,
      linked_by uuid,
      linked_at timestamptz not null default now(),
      primary key (crisis_id, contact_id)
    )`.execute(db)

  await sql`
    create table crisis_assembly_points (
      id uuid primary key,
      crisis_id uuid not null references crises (id) on delete cascade,
      name text not null,
      location geometry(Point, 4326) not null,
      opens_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index crisis_assembly_points_crisis_idx on crisis_assembly_points (crisis_id, id)`.execute(
    db,
  )

  await sql`
    create table crisis_legs (
      id uuid primary key,
      crisis_id uuid not null references crises (id) on delete cascade,
      name text not null,
      mode text not null check (mode in ('bus','flight','ship','train')),
      from_point_id uuid not null references crisis_assembly_points (id),
      destination text not null,
      departs_at timestamptz not null,
      capacity integer not null check (capacity > 0),
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index crisis_legs_crisis_idx on crisis_legs (crisis_id, departs_at, id)`.execute(db)

  // People are account ids: an account deleted takes its crisis status with it.
  await sql
    .raw(`
    create table crisis_people (
      crisis_id uuid not null references crises (id) on delete cascade,
      person_id uuid not null references users (id) on delete cascade,
      status text not null check (status in (${PERSON_STATUSES})),
      assembly_point_id uuid references crisis_assembly_points (id),
      leg_id uuid references crisis_legs (id),
      note text,
      updated_at timestamptz not null,
      updated_by uuid,
      primary key (crisis_id, person_id),
      check ((status = 'checked_in') = (assembly_point_id is not null) or status = 'boarded'),
      check ((status = 'boarded') = (leg_id is not null))
    )`)
    .execute(db)
  await sql`create index crisis_people_leg_idx on crisis_people (leg_id) where status = 'boarded'`.execute(db)

  await sql
    .raw(`
    create table crisis_person_events (
      id uuid primary key,
      crisis_id uuid not null references crises (id) on delete cascade,
      person_id uuid not null references users (id) on delete cascade,
      status text not null check (status in (${PERSON_STATUSES})),
      assembly_point_id uuid,
      leg_id uuid,
      note text,
      by_person boolean not null,
      actor_id uuid,
      at timestamptz not null
    )`)
    .execute(db)
  await sql`create index crisis_person_events_idx on crisis_person_events (crisis_id, person_id, at)`.execute(
    db,
  )
}
