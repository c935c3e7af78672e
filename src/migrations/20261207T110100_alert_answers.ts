import { type Kysely, sql } from 'kysely'

// Every answer a recipient gives to an alert's safety check, in order (alert_recipients keeps the
// current one): a later "safe" no longer erases a "need help", and the hotline sees what was said
// and how. The answers already given become the first entries of their history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table alert_answers (
      id uuid primary key,
      alert_id uuid not null,
      user_id uuid not null,
      answer text not null check (answer in ('safe','need_help','not_in_area')),
      via text not null check (via in ('app','link','push','hotline')),
      answered_at timestamptz not null,
      recorded_by uuid,
      foreign key (alert_id, user_id) references alert_recipients (alert_id, user_id) on delete cascade
    )`.execute(db)
  await sql`create index alert_answers_recipient_idx on alert_answers (alert_id, user_id, answered_at)`.execute(
    db,
  )
  await sql`
    insert into alert_answers (id, alert_id, user_id, answer, via, answered_at)
    select lingshi_uuid7(), alert_id, user_id, answer, coalesce(answered_via, 'app'), coalesce(answered_at, now())
      from alert_recipients where answer is not null`.execute(db)
}
