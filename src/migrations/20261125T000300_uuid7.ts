import { type Kysely, sql } from 'kysely'

// UUIDv7 for rows written by INSERT … SELECT (fan-out), where the application cannot mint ids.
// PostgreSQL 18 has uuidv7(); servers from 15 on do not, so we carry our own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function lingshi_uuid7() returns uuid language sql volatile as $$
      select encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                  from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
    $$`.execute(db)
}
