import { type Kysely, sql } from 'kysely'

const EVENT_KINDS = `'created','contact','note','call','status','assignment','task','visit','priority','team','detention','sla_breach','attachment','attachment_removed'`

// Files on a case. The bytes live in the blob store under their SHA-256 (identical content kept
// once); a row says which case holds them, under which name, from whom. Removal is soft, with a
// reason: the row and the bytes stay for the audit trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_attachments (
      id uuid primary key,
      case_id uuid not null references cases (id) on delete cascade,
      sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint not null check (size > 0),
      media_type text not null,
      file_name text not null check (length(file_name) between 1 and 255),
      uploaded_by uuid,
      uploaded_at timestamptz not null,
      deleted_at timestamptz,
      deleted_by uuid,
      deleted_reason text,
      check ((deleted_at is null) = (deleted_reason is null))
    )`.execute(db)
  await sql`create index case_attachments_case_idx on case_attachments (case_id, uploaded_at, id)`.execute(db)
  await sql`create index case_attachments_sha_idx on case_attachments (sha256)`.execute(db)

  await sql`alter table case_events drop constraint case_events_kind_check`.execute(db)
  await sql
    .raw(`alter table case_events add constraint case_events_kind_check check (kind in (${EVENT_KINDS}))`)
    .execute(db)
}
