import { randomInt } from 'node:crypto'
import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Database, Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { personSummaries } from '../../registrations/index.ts'
import { everyoneOnIt } from '../access.ts'
import { addEvent } from '../case/case-event.repository.ts'
import { casesError } from '../cases.errors.ts'
import type { ContactRow } from '../cases.table.ts'
import { place } from '../placement.ts'
import { loadRefs } from '../refs.ts'
import { findContactRow, helpRequestsOf, insertContact } from './contact.repository.ts'
import type { Contact } from './contact.schema.ts'
import { toContacts } from './contact.view.ts'
import type { CancelReason } from './help.enums.ts'
import { findHelpOf, listHelpOf, markCancelled, moveHelpLocation, referenceTaken } from './help.repository.ts'
import type { HelpBody, MyHelp } from './help.schema.ts'
import { checkHelpMove, helpStatusOf, isHelpOpen } from './help-status.ts'
import { callerPhone } from './phone.ts'

export interface HelpRequest {
  readonly personId: string
  readonly message: string
  /** Where the person says they are; else their latest known place in the registry. */
  readonly lat?: number | undefined
  readonly lon?: number | undefined
  /** E.164, where the hotline calls back; else the person's phone. */
  readonly callbackPhone?: string | undefined
  /** What it answers, e.g. `{type: 'alert', id}` for a safety check's need_help. */
  readonly about?: { type: string; id: string } | undefined
}

/** Crockford base32 without I, L, O, U: read aloud over a bad line without doubt. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** SOS- and six random characters (a billion of them), one no other request holds. */
async function newReference(db: Db): Promise<string> {
  for (;;) {
    let ref = 'SOS-'
    for (let i = 0; i < 6; i++) ref += ALPHABET[randomInt(ALPHABET.length)]
    if (!(await referenceTaken(db, ref))) return ref
  }
}

/** Writes the request and answers its id; the caller holds the transaction. */
async function insertHelpRequest(trx: Transaction<Database>, request: HelpRequest): Promise<string> {
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
    reference: await newReference(trx),
    callback_phone: request.callbackPhone ?? person.phone,
  })
  await recordAudit(trx, {
    actorId: person.id,
    action: 'help.request',
    subjectType: 'contact',
    subjectId: id,
    details: { about: request.about ?? null, locationSource: given ? 'given' : known ? 'registry' : null },
  })
  return id
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
  const id = await insertHelpRequest(trx, request)
  const row = await findContactRow(trx, id, null)
  // The person's own request: theirs to read.
  return (await toContacts(trx, row ? [row] : [], everyoneOnIt))[0] as Contact
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())

/** Requests as their sender reads them. */
async function presentMine(db: Db, rows: readonly ContactRow[]): Promise<MyHelp[]> {
  const refs = await loadRefs(db, { missions: rows.map((r) => r.mission_code) })
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    status: helpStatusOf(r),
    receivedAt: new Date(r.received_at).toISOString(),
    priority: 'P1' as const,
    message: r.summary,
    callbackPhone: r.callback_phone,
    location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
    locationSource: r.location_source,
    locationUpdatedAt: iso(r.location_updated_at),
    country: r.country,
    mission: refs.mission(r.mission_code),
    acknowledgedAt: iso(r.acknowledged_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
  }))
}

async function mine(db: Db, personId: string, id: string, forUpdate = false): Promise<ContactRow> {
  const row = await findHelpOf(db, personId, id, forUpdate)
  if (!row) throw casesError('help.not_found', 'No such help request of yours')
  return row
}

/** The SOS page's send: the request as its sender follows it from then on. */
export async function sendHelp(ctx: AppContext, personId: string, body: HelpBody): Promise<MyHelp> {
  const callback = body.callbackPhone ? callerPhone(body.callbackPhone, 'callbackPhone') : undefined
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertHelpRequest(trx, {
      personId,
      message: body.message ?? 'SOS',
      lat: body.lat,
      lon: body.lon,
      callbackPhone: callback,
    })
    return (await presentMine(trx, [await mine(trx, personId, id)]))[0] as MyHelp
  })
}

export async function getMyHelp(ctx: AppContext, personId: string, id: string): Promise<MyHelp> {
  return (await presentMine(ctx.db, [await mine(ctx.db, personId, id)]))[0] as MyHelp
}

/** The sender's latest requests, so the SOS page finds an open one again after a reload. */
export async function listMyHelp(ctx: AppContext, personId: string): Promise<MyHelp[]> {
  return presentMine(ctx.db, await listHelpOf(ctx.db, personId, 20))
}

/**
 * "I am safe now" or "false alarm". A case opened from it stays open (people may still need the
 * mission): its timeline records that the sender called it off, for whoever works it.
 */
export async function cancelMyHelp(
  ctx: AppContext,
  personId: string,
  id: string,
  reason: CancelReason,
  ip: string,
): Promise<MyHelp> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await mine(trx, personId, id, true)
    checkHelpMove(helpStatusOf(row), 'cancelled')
    const at = new Date()
    if (!(await markCancelled(trx, id, reason, at)))
      throw casesError('help.bad_transition', 'This request is cancelled already', {
        from: 'cancelled',
        to: 'cancelled',
      })
    if (row.case_id)
      await addEvent(trx, {
        caseId: row.case_id,
        kind: 'sos_cancelled',
        actorId: null,
        at,
        note: null,
        details: { contactId: id, reference: row.reference, reason },
      })
    await recordAudit(trx, {
      actorId: personId,
      action: 'help.cancel',
      subjectType: 'contact',
      subjectId: id,
      ip,
      details: { reason, caseId: row.case_id },
    })
    return (await presentMine(trx, [await mine(trx, personId, id)]))[0] as MyHelp
  })
}

/** The sender's position again, while the request is open (the SOS page sends it every so often). */
export async function shareHelpLocation(
  ctx: AppContext,
  personId: string,
  id: string,
  point: { lat: number; lon: number },
  ip: string,
): Promise<MyHelp> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await mine(trx, personId, id, true)
    const status = helpStatusOf(row)
    if (!isHelpOpen(status))
      throw casesError('help.not_open', `This request is ${status}: its location is no longer shared`, {
        helpStatus: status,
      })
    const placement = row.mission_code
      ? { country: row.country, missionCode: row.mission_code }
      : await place(trx, point)
    await moveHelpLocation(trx, id, { ...point, at: new Date(), ...placement })
    await recordAudit(trx, {
      actorId: personId,
      action: 'help.location',
      subjectType: 'contact',
      subjectId: id,
      ip,
    })
    return (await presentMine(trx, [await mine(trx, personId, id)]))[0] as MyHelp
  })
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
