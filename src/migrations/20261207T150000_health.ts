import { type Kysely, sql } from 'kysely'

// Healthy travel: vaccination sites and their clinicians, dose records, EU DCC certificates, the
// signer keys (CSCA, DSC) sealed at rest, the trust list of signer certificates and revocations.
// The profile gains the passport's Latin surname and given names for the certificate's `nam`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table user_roles drop constraint user_roles_role_check`.execute(db)
  await sql`
    alter table user_roles add constraint user_roles_role_check
      check (role in ('citizen','enterprise','operator','officer','duty_officer','admin','clinician'))`.execute(
    db,
  )

  await sql`alter table profiles add column surname text, add column given_names text`.execute(db)

  await sql`
    create table health_sites (
      id uuid primary key,
      mission_code text references missions (code),
      kind text not null check (kind in ('mission','clinic')),
      country char(2) not null references countries (code),
      name_zh text not null,
      name_en text not null,
      address text,
      location geometry(Point, 4326),
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index health_sites_mission_idx on health_sites (mission_code) where kind = 'mission'`.execute(
    db,
  )

  await sql`
    create table health_clinicians (
      user_id uuid primary key references users (id) on delete cascade,
      site_id uuid not null references health_sites (id)
    )`.execute(db)

  await sql`
    create table health_lots (
      site_id uuid not null references health_sites (id),
      product text not null,
      lot text not null,
      primary key (site_id, product, lot)
    )`.execute(db)

  await sql`
    create table health_signer_keys (
      id uuid primary key,
      kind text not null check (kind in ('csca','dsc')),
      kid text not null,
      certificate text not null,
      private_key_sealed text not null,
      not_before timestamptz not null,
      not_after timestamptz not null,
      active boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index health_signer_keys_active_idx on health_signer_keys (kind) where active`.execute(
    db,
  )

  await sql`
    create table health_trust_entries (
      thumbprint text primary key,
      kid text not null,
      country char(2) not null,
      certificate_type text not null default 'DSC',
      raw_data text not null,
      not_before timestamptz not null,
      not_after timestamptz not null,
      own boolean not null default false,
      added_by uuid,
      added_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index health_trust_entries_kid_idx on health_trust_entries (kid)`.execute(db)

  await sql`
    create table health_doses (
      id uuid primary key,
      person_id uuid not null references users (id) on delete cascade,
      kind text not null check (kind in ('v','t','r')),
      product text not null,
      manufacturer text not null,
      lot text not null,
      lot_known boolean not null,
      dose_number int not null check (dose_number between 1 and 9),
      series_doses int not null check (series_doses between 1 and 9 and series_doses >= dose_number),
      date date not null,
      site_id uuid not null references health_sites (id),
      recorded_by uuid not null,
      recorded_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index health_doses_person_idx on health_doses (person_id, date)`.execute(db)

  await sql`
    create table health_certificates (
      id uuid primary key,
      person_id uuid not null references users (id) on delete cascade,
      dose_id uuid references health_doses (id) on delete cascade,
      uvci text not null unique,
      type text not null check (type in ('v','t','r')),
      kid text not null,
      qr text not null,
      issued_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by uuid,
      revoke_reason text
    )`.execute(db)
  await sql`create index health_certificates_person_idx on health_certificates (person_id, issued_at)`.execute(
    db,
  )
  await sql`create index health_certificates_revoked_idx on health_certificates (kid) where revoked_at is not null`.execute(
    db,
  )
}
