import { type Kysely, sql } from 'kysely'

// A message may carry small files for its e-mail (an appointment's .ics): [{filename, contentType,
// content}] with the content as text. The captured outbox keeps their names and types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages add column attachments jsonb`.execute(db)
  await sql`alter table captured_mail add column attachments jsonb`.execute(db)
}
