import { type Kysely, sql } from 'kysely'

// What follows the contract paths of document applications: the register of invalidated
// documents (passports reported lost or stolen, numbers sealed with a blind index like the
// registry's), the first of two approvals a lost/stolen replacement needs, production batches
// (one archive per batch in the blob store), online payments through a hosted payment page, and
// the purge of an application's files some days after it ends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table invalidated_documents (
      id uuid primary key,
      number_sealed text not null,
      number_digest text not null unique,
      number_last4 text not null,
      reason text not null check (reason in ('lost', 'stolen', 'other')),
      application_id uuid references applications (id) on delete set null,
      mission_code text,
      note text,
      reported_at timestamptz not null,
      recorded_by uuid
    )`.execute(db)
  await sql`
    alter table applications
      add column first_approver uuid,
      add column first_approved_at timestamptz,
      add column closed_at timestamptz,
      add column files_purged_at timestamptz,
      add column batch_id uuid`.execute(db)
  // Applications that already ended start their retention from their last change.
  await sql`
    update applications set closed_at = updated_at
    where status in ('refused', 'withdrawn', 'collected', 'posted')`.execute(db)
  await sql`create index applications_closed_idx on applications (closed_at) where files_purged_at is null`.execute(
    db,
  )
  await sql`create index applications_production_idx on applications (mission_code, status) where status = 'approved'`.execute(
    db,
  )
  await sql`alter table application_events drop constraint application_events_kind_check`.execute(db)
  await sql`
    alter table application_events add constraint application_events_kind_check
      check (kind in ('created','submitted','status','note','payment','withdrawn','approval','purged'))`.execute(
    db,
  )
  await sql`
    create table production_batches (
      id uuid primary key,
      mission_code text not null,
      sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint not null check (size > 0),
      count int not null check (count > 0),
      created_by uuid not null,
      created_at timestamptz not null,
      purged_at timestamptz
    )`.execute(db)
  await sql`create index production_batches_mission_idx on production_batches (mission_code, created_at desc, id desc)`.execute(
    db,
  )
  await sql`
    create table application_payments (
      id uuid primary key,
      application_id uuid not null references applications (id) on delete cascade,
      amount numeric(12,2) not null,
      currency char(3) not null,
      status text not null check (status in ('pending', 'paid', 'failed')),
      provider_ref text,
      created_at timestamptz not null,
      settled_at timestamptz
    )`.execute(db)
  await sql`create index application_payments_app_idx on application_payments (application_id, created_at)`.execute(
    db,
  )
}
