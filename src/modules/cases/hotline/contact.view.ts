import type { Db } from '../../../database.ts'
import type { PersonSummary } from '../../registrations/index.ts'
import { type CaseScope, type PeopleFilter, peopleFor } from '../access.ts'
import type { ContactRow } from '../cases.table.ts'
import { loadRefs, type Refs } from '../refs.ts'
import { findContactRow } from './contact.repository.ts'
import type { Contact } from './contact.schema.ts'
import { helpStatusOf } from './help-status.ts'

/** A contact as its caller may read it: one whose person they may not read names nobody. */
export function toContact(row: ContactRow, refs: Refs): Contact {
  const p = refs.person(row.person_id)
  const hidden = row.person_id !== null && !refs.seesPerson(row.person_id)
  const fromRegistry = hidden && row.location_source === 'registry'
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    kind: row.kind,
    channel: row.channel,
    priority: row.priority,
    caller: hidden
      ? { phone: null, name: null, personId: null }
      : { phone: row.caller_phone, name: row.caller_name, personId: row.person_id },
    person: p ? { id: p.id, name: p.name, nameLatin: p.nameLatin, nameZh: p.nameZh, phone: p.phone } : null,
    summary: row.summary,
    location: row.lat === null || row.lon === null || fromRegistry ? null : { lat: row.lat, lon: row.lon },
    locationSource: fromRegistry ? null : row.location_source,
    country: row.country,
    mission: refs.mission(row.mission_code),
    caseId: row.case_id,
    takenBy: refs.user(row.taken_by),
    help: row.kind === 'help_request' && row.reference ? helpOf(row, refs, hidden) : null,
  }
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())

/** The SOS marks of a help request; its call-back number is the person's, hidden with them. */
function helpOf(row: ContactRow, refs: Refs, hidden: boolean): NonNullable<Contact['help']> {
  return {
    reference: row.reference ?? '',
    status: helpStatusOf(row),
    callbackPhone: hidden ? null : row.callback_phone,
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: refs.user(row.acknowledged_by),
    claimedAt: iso(row.claimed_at),
    claimedBy: refs.user(row.claimed_by),
    cancelledAt: iso(row.cancelled_at),
    cancelReason: row.cancel_reason,
    locationUpdatedAt: iso(row.location_updated_at),
    caseReference: row.case_reference,
  }
}

export async function toContacts(
  db: Db,
  rows: ContactRow[],
  people: PeopleFilter,
  known: readonly PersonSummary[] = [],
): Promise<Contact[]> {
  const refs = await loadRefs(db, {
    missions: rows.map((r) => r.mission_code),
    users: rows.flatMap((r) => [r.taken_by, r.acknowledged_by, r.claimed_by]),
    people: { ids: rows.map((r) => r.person_id), filter: people, known },
  })
  return rows.map((r) => toContact(r, refs))
}

/** The contact just written, as its author may read it (they may not see where it was routed). */
export async function presentContact(db: Db, scope: CaseScope, id: string): Promise<Contact> {
  const seen = await findContactRow(db, id, scope)
  const row = seen ?? (await findContactRow(db, id, null))
  if (!row) throw new Error('contact vanished inside its own transaction')
  return (await toContacts(db, [row], peopleFor(scope, seen !== undefined)))[0] as Contact
}
