import { type Kysely, sql } from 'kysely'

// Document applications (passport renewal, replacement, first passport, travel document): the
// catalogue of services per mission (mission '*' holds the defaults), the applications with their
// form and sealed passport data, their timeline, and the files uploaded for them (bytes in the
// blob store under their SHA-256).
export async function up(db: Kysely<unknown>): Promise<void> {
  const services = `'passport_renewal','passport_replacement','passport_first','travel_document'`
  const statuses = `'draft','submitted','accepted','returned','refused','withdrawn','approved','in_production','ready','collected','posted'`
  await sql
    .raw(`
    create table application_services (
      mission_code text not null,
      code text not null check (code in (${services})),
      fee_amount numeric(12,2) not null check (fee_amount >= 0),
      fee_currency char(3) not null check (fee_currency ~ '^[A-Z]{3}$'),
      processing_days int not null check (processing_days between 1 and 365),
      eligibility_zh text not null,
      eligibility_en text not null,
      uploads text[] not null,
      requires_appointment boolean not null,
      collection text[] not null,
      photo_min_bytes int not null check (photo_min_bytes > 0),
      photo_max_bytes int not null check (photo_max_bytes >= photo_min_bytes),
      active boolean not null default true,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      primary key (mission_code, code)
    )`)
    .execute(db)
  await sql
    .raw(`
    create table applications (
      id uuid primary key,
      reference text not null unique,
      user_id uuid not null,
      dependant_id uuid,
      minor boolean not null default false,
      mission_code text not null,
      service text not null check (service in (${services})),
      status text not null check (status in (${statuses})),
      form jsonb not null default '{}',
      passport_sealed text,
      passport_digest text,
      passport_last4 text,
      mrz_sealed text,
      photo_sha256 char(64),
      photo_checks jsonb,
      signature_sha256 char(64),
      corrections jsonb not null default '[]',
      fee_amount numeric(12,2) not null,
      fee_currency char(3) not null,
      payment_receipt text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      submitted_at timestamptz
    )`)
    .execute(db)
  await sql`create index applications_user_idx on applications (user_id, created_at desc, id desc)`.execute(
    db,
  )
  await sql`create index applications_queue_idx on applications (mission_code, created_at desc, id desc)`.execute(
    db,
  )
  await sql`create index applications_passport_idx on applications (passport_digest)`.execute(db)
  await sql
    .raw(`
    create table application_events (
      id uuid primary key,
      application_id uuid not null references applications (id) on delete cascade,
      kind text not null check (kind in ('created','submitted','status','note','payment','withdrawn')),
      from_status text check (from_status in (${statuses})),
      to_status text check (to_status in (${statuses})),
      reason text,
      internal boolean not null default false,
      actor_id uuid,
      at timestamptz not null
    )`)
    .execute(db)
  await sql`create index application_events_app_idx on application_events (application_id, at, id)`.execute(
    db,
  )
  await sql`
    create table application_uploads (
      id uuid primary key,
      application_id uuid not null references applications (id) on delete cascade,
      kind text not null,
      sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint not null check (size > 0),
      media_type text not null,
      file_name text not null,
      uploaded_by uuid not null,
      uploaded_at timestamptz not null
    )`.execute(db)
  await sql`create index application_uploads_app_idx on application_uploads (application_id, kind, uploaded_at)`.execute(
    db,
  )
}
