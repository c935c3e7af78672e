import { type Kysely, sql } from 'kysely'

const EVENT_KINDS = `'created','contact','note','call','status','assignment','task','visit','priority','team','detention','sla_breach','attachment','attachment_removed','sos_cancelled'`

// An SOS (a help request contact) that follows through: a short reference the citizen can quote,
// a call-back number, the operator who saw it and the one who took it, the citizen's cancellation
// ("safe now" / "false alarm"), and when the shared location was last refreshed. The status the
// citizen sees is derived from these and from the linked case, so nothing here can disagree with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table contacts
      add column reference text,
      add column callback_phone text,
      add column acknowledged_at timestamptz,
      add column acknowledged_by uuid,
      add column claimed_at timestamptz,
      add column claimed_by uuid,
      add column cancelled_at timestamptz,
      add column cancel_reason text check (cancel_reason in ('false_alarm','safe_now')),
      add column location_updated_at timestamptz`.execute(db)
  // Earlier help requests get references in order of arrival; new ones draw random ones (SOS- and six
  // Crockford base32 characters), each checked against the existing ones before use.
  await sql`
    update contacts k set reference = 'SOS-' || lpad(upper(to_hex(n.rn)), 6, '0')
      from (select id, row_number() over (order by received_at, id) as rn
              from contacts where kind = 'help_request') n
     where k.id = n.id`.execute(db)
  await sql`create unique index contacts_reference_idx on contacts (reference) where reference is not null`.execute(
    db,
  )
  await sql`
    alter table contacts
      add constraint contacts_help_reference check (kind <> 'help_request' or reference is not null),
      add constraint contacts_cancel_together check ((cancelled_at is null) = (cancel_reason is null))`.execute(
    db,
  )
  // A case opened from an SOS records that its sender called it off.
  await sql`alter table case_events drop constraint case_events_kind_check`.execute(db)
  await sql
    .raw(`alter table case_events add constraint case_events_kind_check check (kind in (${EVENT_KINDS}))`)
    .execute(db)
}
