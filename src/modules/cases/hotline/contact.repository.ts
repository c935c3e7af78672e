import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { type CaseScope, caseVisible, contactVisible } from '../access.ts'
import type { CaseRow, ContactRow } from '../cases.table.ts'

/** What only help requests carry, left out of a contact recorded by staff. */
type HelpColumns =
  | 'reference'
  | 'callback_phone'
  | 'acknowledged_at'
  | 'acknowledged_by'
  | 'claimed_at'
  | 'claimed_by'
  | 'cancelled_at'
  | 'cancel_reason'
  | 'location_updated_at'

/** A contact as written: the fields of one read back, but what is read from its case. */
export type NewContact = Omit<ContactRow, HelpColumns | 'case_reference' | 'case_status'> &
  Partial<Pick<ContactRow, HelpColumns>>

const point = (lat: number | null, lon: number | null) =>
  lat === null || lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`

export async function insertContact(db: Db, c: NewContact): Promise<void> {
  const { lat, lon, ...rest } = c
  await db
    .insertInto('contacts')
    .values({ ...rest, location: point(lat, lon) })
    .execute()
}

/** Every column of a contact `k`, its point as lat/lon, and its case's reference and status. */
export const contactColumns = sql`k.id, k.received_at, k.kind, k.channel, k.priority, k.caller_phone, k.caller_name,
  k.person_id, k.summary, ST_Y(k.location) as lat, ST_X(k.location) as lon, k.location_source, k.country,
  k.mission_code, k.case_id, k.taken_by, k.reference, k.callback_phone, k.acknowledged_at, k.acknowledged_by,
  k.claimed_at, k.claimed_by, k.cancelled_at, k.cancel_reason, k.location_updated_at,
  kc.reference as case_reference, kc.status as case_status`
/** Where `contactColumns` are read from. */
export const fromContacts = sql`contacts k left join cases kc on kc.id = k.case_id`
const columns = contactColumns

/** `scope` null: whatever its visibility (the contact just written, answered to its author). */
export async function findContactRow(
  db: Db,
  id: string,
  scope: CaseScope | null,
): Promise<ContactRow | undefined> {
  const r = await sql<ContactRow>`select ${columns} from ${fromContacts}
    where k.id = ${id}::uuid and ${scope ? contactVisible(scope) : sql`true`}`.execute(db)
  return r.rows[0]
}

export interface ContactFilter {
  readonly phone?: string | undefined
  readonly personId?: string | undefined
  readonly since?: Date | undefined
  readonly channel?: string | undefined
  readonly open?: boolean | undefined
  readonly cursor?: string | undefined
  readonly limit: number
}

/**
 * Contacts newest first. The caller look-up (`phone`/`personId`) is a BitmapOr of the two
 * partial indexes `contacts_phone_idx` and `contacts_person_idx`.
 */
export async function listContactRows(db: Db, scope: CaseScope, f: ContactFilter): Promise<ContactRow[]> {
  const where: RawBuilder<unknown>[] = [contactVisible(scope)]
  if (f.phone || f.personId) {
    const who: RawBuilder<unknown>[] = []
    if (f.phone) who.push(sql`k.caller_phone = ${f.phone}`)
    if (f.personId) who.push(sql`k.person_id = ${f.personId}::uuid`)
    where.push(sql`(${sql.join(who, sql` or `)})`)
  }
  if (f.since) where.push(sql`k.received_at >= ${f.since.toISOString()}::timestamptz`)
  if (f.channel) where.push(sql`k.channel = ${f.channel}`)
  if (f.open) where.push(sql`k.case_id is null`)
  if (f.cursor)
    where.push(
      sql`(k.received_at, k.id) < (select c2.received_at, c2.id from contacts c2 where c2.id = ${f.cursor}::uuid)`,
    )
  const r = await sql<ContactRow>`select ${columns} from ${fromContacts}
    where ${sql.join(where, sql` and `)}
    order by k.received_at desc, k.id desc limit ${f.limit}`.execute(db)
  return r.rows
}

export async function linkContact(db: Db, contactId: string, caseId: string, missionCode: string | null) {
  await db
    .updateTable('contacts')
    .set({ case_id: caseId, mission_code: sql`coalesce(mission_code, ${missionCode})` })
    .where('id', '=', contactId)
    .execute()
}

export type OpenCase = Pick<CaseRow, 'id' | 'reference' | 'type' | 'status' | 'priority'>

/** The person's open cases that the caller may see, newest first. */
export async function openCasesOfPerson(db: Db, scope: CaseScope, personId: string): Promise<OpenCase[]> {
  const r = await sql<OpenCase>`
    select c.id, c.reference, c.type, c.status, c.priority from cases c
     where c.id in (select p.case_id from case_people p where p.person_id = ${personId}::uuid)
       and c.status not in ('resolved', 'closed') and ${caseVisible(scope)}
     order by c.id desc limit 50`.execute(db)
  return r.rows
}

/** The help requests a person sent from the app, for their own data export. */
export async function helpRequestsOf(db: Db, personId: string): Promise<ContactRow[]> {
  const r = await sql<ContactRow>`select ${columns} from ${fromContacts}
    where k.person_id = ${personId}::uuid and k.kind = 'help_request'
    order by k.received_at desc, k.id desc`.execute(db)
  return r.rows
}
