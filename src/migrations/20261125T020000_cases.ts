import { type Kysely, sql } from 'kysely'

const TYPES = `'kidnapping','assault','missing_person','detention','accident','death','medical','lost_documents','fraud','dispute','disaster','other'`
const STATUSES = `'new','triaged','in_progress','waiting_citizen','waiting_authority','resolved','closed'`
const PRIORITIES = `'P1','P2','P3','P4'`
const EVENT_KINDS = `'created','contact','note','call','status','assignment','task','visit','priority','team','detention','sla_breach'`

// Hotline contacts and consular protection cases. People are referenced by account id and
// set to null when an account is deleted: the consular record stays, the link goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence case_reference_seq`.execute(db)
  await sql
    .raw(`
    create table cases (
      id uuid primary key,
      reference text not null unique,
      type text not null check (type in (${TYPES})),
      status text not null default 'new' check (status in (${STATUSES})),
      priority text not null check (priority in (${PRIORITIES})),
      summary text not null,
      country char(2) references countries (code),
      location geometry(Point, 4326),
      mission_code text,
      assignee_id uuid,
      need_to_know boolean not null default false,
      answers jsonb not null default '{}',
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      first_response_at timestamptz,
      first_response_due timestamptz not null,
      last_update_at timestamptz,
      update_due timestamptz,
      sla_breach_kind text check (sla_breach_kind in ('firstResponse','update')),
      sla_breach_at timestamptz,
      sla_misses integer not null default 0,
      next_visit_due timestamptz,
      rescued integer check (rescued >= 0),
      resolved_at timestamptz,
      closed_at timestamptz
    )`)
    .execute(db)
  await sql`create index cases_open_idx on cases (mission_code, priority, created_at) where status not in ('resolved','closed')`.execute(
    db,
  )
  await sql`create index cases_mission_idx on cases (mission_code, id desc)`.execute(db)
  await sql`create index cases_status_idx on cases (status, id desc)`.execute(db)
  await sql`create index cases_assignee_idx on cases (assignee_id) where assignee_id is not null`.execute(db)
  await sql`create index cases_resolved_idx on cases (resolved_at) where resolved_at is not null`.execute(db)

  await sql`
    create table case_people (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      person_id uuid references users (id) on delete set null,
      phone text
    )`.execute(db)
  await sql`create index case_people_case_idx on case_people (case_id)`.execute(db)
  await sql`create index case_people_person_idx on case_people (person_id) where person_id is not null`.execute(
    db,
  )
  await sql`create index case_people_phone_idx on case_people (phone) where phone is not null`.execute(db)

  await sql`
    create table case_team (
      case_id uuid not null references cases (id) on delete cascade,
      user_id uuid not null,
      added_by uuid,
      added_at timestamptz not null default now(),
      primary key (case_id, user_id)
    )`.execute(db)
  await sql`create index case_team_user_idx on case_team (user_id)`.execute(db)

  await sql
    .raw(`
    create table case_events (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      kind text not null check (kind in (${EVENT_KINDS})),
      at timestamptz not null,
      recorded_at timestamptz not null default now(),
      actor_id uuid,
      note text,
      details jsonb not null default '{}'
    )`)
    .execute(db)
  await sql`create index case_events_case_idx on case_events (case_id, at, id)`.execute(db)

  // One row per missed target: the SLA job inserts it first, so a re-run escalates nothing twice.
  await sql`
    create table case_sla_breaches (
      case_id uuid not null references cases (id) on delete cascade,
      kind text not null check (kind in ('firstResponse','update')),
      due timestamptz not null,
      breached_at timestamptz not null default now(),
      primary key (case_id, kind, due)
    )`.execute(db)

  await sql`
    create table case_detentions (
      case_id uuid primary key references cases (id) on delete cascade,
      arrested_at timestamptz not null,
      authority_notified_at timestamptz,
      facility text not null,
      charges text not null,
      lawyer text,
      trial_dates jsonb not null default '[]',
      updated_at timestamptz not null default now(),
      updated_by uuid
    )`.execute(db)

  await sql
    .raw(`
    create table contacts (
      id uuid primary key,
      received_at timestamptz not null,
      kind text not null default 'contact' check (kind in ('contact','help_request')),
      channel text not null check (channel in ('phone','chat','email','app','walk_in')),
      priority text check (priority in (${PRIORITIES})),
      caller_phone text,
      caller_name text,
      person_id uuid references users (id) on delete set null,
      summary text not null,
      location geometry(Point, 4326),
      location_source text check (location_source in ('given','registry')),
      country char(2),
      mission_code text,
      case_id uuid references cases (id) on delete set null,
      taken_by uuid
    )`)
    .execute(db)
  await sql`create index contacts_phone_idx on contacts (caller_phone, received_at desc) where caller_phone is not null`.execute(
    db,
  )
  await sql`create index contacts_person_idx on contacts (person_id, received_at desc) where person_id is not null`.execute(
    db,
  )
  await sql`create index contacts_received_idx on contacts (received_at desc, id desc)`.execute(db)
  await sql`create index contacts_case_idx on contacts (case_id) where case_id is not null`.execute(db)
  await sql`create index contacts_open_idx on contacts (received_at desc, id desc) where case_id is null`.execute(
    db,
  )
}
