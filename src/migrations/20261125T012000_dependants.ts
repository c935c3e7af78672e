import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // Family members travelling with an account holder; they have no account of their own.
  await sql`
    create table dependants (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      relation text not null check (relation in ('child','spouse','parent','other')),
      name_latin text not null,
      name_zh text,
      date_of_birth date not null,
      sex text check (sex in ('F','M','X')),
      passport_sealed text,
      passport_digest text,
      passport_last4 text,
      phone text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index dependants_user_idx on dependants (user_id, id)`.execute(db)
  await sql`create index dependants_passport_idx on dependants (passport_digest)`.execute(db)
  await sql`
    create table trip_travellers (
      trip_id uuid not null references trips (id) on delete cascade,
      dependant_id uuid not null references dependants (id) on delete cascade,
      primary key (trip_id, dependant_id)
    )`.execute(db)
  await sql`create index trip_travellers_dependant_idx on trip_travellers (dependant_id)`.execute(db)
}
