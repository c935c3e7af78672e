import { type Kysely, sql } from 'kysely'

// The 24-hour reminder: when it went out (a re-run sends nothing twice), and an index on the
// bookings still to remind, which the sweep reads every few minutes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table appointments add column reminded_at timestamptz`.execute(db)
  await sql`create index appointments_remind_due_idx on appointments (starts_at)
    where status = 'booked' and reminded_at is null`.execute(db)
}
