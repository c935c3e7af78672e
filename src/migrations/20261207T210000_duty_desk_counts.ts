import { type Kysely, sql } from 'kysely'

/** The console's start page counts open SOS and waiting applications on every visit: partial indexes keep them small. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index contacts_sos_open_idx on contacts (received_at)
    where kind = 'help_request' and case_id is null and cancelled_at is null`.execute(db)
  await sql`create index applications_submitted_idx on applications (mission_code) where status = 'submitted'`.execute(
    db,
  )
}
