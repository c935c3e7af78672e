import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Database } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { personSummaries } from '../../registrations/index.ts'
import { everyoneOnIt } from '../access.ts'
import { casesError } from '../cases.errors.ts'
import { place } from '../placement.ts'
import { findContactRow, helpRequestsOf, insertContact } from './contact.repository.ts'
import type { Contact } from './contact.schema.ts'
import { toContacts } from './contact.view.ts'

export interface HelpRequest {
  readonly personId: string
  readonly message: string
  /** Where the person says they are; else their latest known place in the registry. */
  readonly lat?: number | undefined
  readonly lon?: number | undefined
  /** What it answers, e.g. `{type: 'alert', id}` for a safety check's need_help. */
  readonly about?: { type: string; id: string } | undefined
}

/**
 * Records a help request ("SOS" in the app, or an alert answered need_help) as a P1 app contact
 * carrying the person's profile and location, at once visible in the caller look-up by their
 * phone and in the operators' list of open contacts. Pass `trx` to write it with the caller's
 * own change (the safety-check answer); otherwise it commits on its own.
 */
export async function recordHelpRequest(
  ctx: AppContext,
  request: HelpRequest,
  trx?: Transaction<Database>,
): Promise<Contact> {
  if (!trx) return ctx.db.transaction().execute((t) => recordHelpRequest(ctx, request, t))
  const person = (await personSummaries(trx, [request.personId]))[0]
  if (!person) throw casesError('contact.unknown_person', `No registered person with id ${request.personId}`)
  const given = request.lat !== undefined && request.lon !== undefined
  const known = person.whereNow
  const lat = given ? (request.lat ?? null) : (known?.lat ?? null)
  const lon = given ? (request.lon ?? null) : (known?.lon ?? null)
  const placement = await place(trx, given ? { lat, lon } : (known ?? {}))
  const id = uuidv7()
  await insertContact(trx, {
    id,
    received_at: new Date(),
    kind: 'help_request',
    channel: 'app',
    priority: 'P1',
    caller_phone: person.phone,
    caller_name: person.nameLatin ?? person.nameZh ?? person.name,
    person_id: person.id,
    summary: request.message,
    lat,
    lon,
    location_source: given ? 'given' : known ? 'registry' : null,
    country: placement.country,
    mission_code: placement.missionCode,
    case_id: null,
    taken_by: null,
  })
  await recordAudit(trx, {
    actorId: person.id,
    action: 'help.request',
    subjectType: 'contact',
    subjectId: id,
    details: { about: request.about ?? null, locationSource: given ? 'given' : known ? 'registry' : null },
  })
  const row = await findContactRow(trx, id, null)
  // The person's own request: theirs to read.
  return (await toContacts(trx, row ? [row] : [], everyoneOnIt))[0] as Contact
}

/** What the person sent us for help, in their data export (staff notes about them are not theirs to take). */
export async function exportHelpRequests(ctx: AppContext, personId: string) {
  const rows = await helpRequestsOf(ctx.db, personId)
  return rows.map((r) => ({
    id: r.id,
    receivedAt: new Date(r.received_at).toISOString(),
    message: r.summary,
    country: r.country,
    location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon, source: r.location_source },
  }))
}
