import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { findPersonByPhone, personSummaries } from '../../registrations/index.ts'
import { type CaseScope, everyoneOnIt, personInScope, scopeOf } from '../access.ts'
import { findCaseRow } from '../case/case.repository.ts'
import { presentCase } from '../case/case.view.ts'
import { addEvent, touchCase } from '../case/case-event.repository.ts'
import { caseNotFound, casesError } from '../cases.errors.ts'
import { place } from '../placement.ts'
import {
  findContactRow,
  insertContact,
  linkContact,
  listContactRows,
  openCasesOfPerson,
} from './contact.repository.ts'
import type { ContactBody, ContactQuery } from './contact.schema.ts'
import { presentContact, toContacts } from './contact.view.ts'
import { callerPhone } from './phone.ts'

/** The caller: a person out of the staff member's scope is answered and recorded as an unknown one. */
async function resolvePerson(trx: Db, scope: CaseScope, personId: string | undefined, phone: string | null) {
  if (personId) {
    const person = await personInScope(trx, scope, (await personSummaries(trx, [personId]))[0])
    if (!person) throw casesError('contact.unknown_person', `No registered person with id ${personId}`)
    return person
  }
  return phone ? personInScope(trx, scope, await findPersonByPhone(trx, phone)) : null
}

/** Records a call, chat, e-mail or walk-in; with `caseId` it joins that case's timeline. */
export async function createContact(ctx: AppContext, principal: Principal, body: ContactBody, ip: string) {
  const scope = scopeOf(principal)
  const phone = body.caller.phone ? callerPhone(body.caller.phone, 'caller.phone') : null
  if (!phone && !body.caller.name && !body.caller.personId) {
    throw casesError('contact.caller_required', 'Give the caller’s phone, name or personId')
  }
  return ctx.db.transaction().execute(async (trx) => {
    const person = await resolvePerson(trx, scope, body.caller.personId, phone)
    const linked = body.caseId ? await findCaseRow(trx, scope, body.caseId) : undefined
    if (body.caseId && !linked) throw caseNotFound()
    const placement =
      body.lat !== undefined
        ? await place(trx, body)
        : linked
          ? { country: linked.country, missionCode: linked.mission_code }
          : await place(trx, person?.whereNow ?? {})
    const id = uuidv7()
    const now = new Date()
    await insertContact(trx, {
      id,
      received_at: now,
      kind: 'contact',
      channel: body.channel,
      priority: null,
      caller_phone: phone ?? person?.phone ?? null,
      caller_name: body.caller.name ?? null,
      person_id: person?.id ?? null,
      summary: body.summary,
      lat: body.lat ?? null,
      lon: body.lon ?? null,
      location_source: body.lat !== undefined ? 'given' : null,
      country: placement.country,
      mission_code: placement.missionCode,
      case_id: linked?.id ?? null,
      taken_by: principal.userId,
    })
    if (linked)
      await recordContactOnCase(trx, linked.id, id, body.channel, body.summary, principal.userId, now)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'contact.create',
      subjectType: 'contact',
      subjectId: id,
      ip,
      details: { personId: person?.id ?? null, caseId: linked?.id ?? null },
    })
    return presentContact(trx, scope, id)
  })
}

async function recordContactOnCase(
  trx: Db,
  caseId: string,
  contactId: string,
  channel: string,
  summary: string,
  actorId: string | null,
  at: Date,
) {
  await addEvent(trx, {
    caseId,
    kind: 'contact',
    actorId,
    at,
    note: summary,
    details: { contactId, channel },
  })
  await touchCase(trx, caseId, at)
}

/** Links an earlier contact (a help request, a call) to a case it turned out to belong to. */
export async function linkContactToCase(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  contactId: string,
  ip: string,
) {
  const scope = scopeOf(principal)
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseRow(trx, scope, caseId, true)
    if (!c) throw caseNotFound()
    const contact = await findContactRow(trx, contactId, scope)
    if (!contact) throw casesError('contact.not_found', 'No such contact')
    if (contact.case_id) {
      throw casesError('contact.already_linked', 'This contact already belongs to a case', {
        caseId: contact.case_id,
      })
    }
    await linkContact(trx, contactId, caseId, c.mission_code)
    await recordContactOnCase(
      trx,
      caseId,
      contactId,
      contact.channel,
      contact.summary,
      principal.userId,
      new Date(),
    )
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'contact.link',
      subjectType: 'case',
      subjectId: caseId,
      ip,
      details: { contactId },
    })
    return presentCase(trx, scope, caseId)
  })
}

export async function listContacts(ctx: AppContext, principal: Principal, q: ContactQuery, ip: string) {
  const scope = scopeOf(principal)
  const phone = q.caller !== undefined ? callerPhone(q.caller, 'caller') : undefined
  const person = phone ? await personInScope(ctx.db, scope, await findPersonByPhone(ctx.db, phone)) : null
  const rows = await listContactRows(ctx.db, scope, {
    phone,
    personId: person?.id,
    since: q.since ? new Date(q.since) : undefined,
    channel: q.channel,
    open: q.open,
    cursor: q.cursor,
    limit: q.limit,
  })
  const openCases = person ? await openCasesOfPerson(ctx.db, scope, person.id) : []
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: phone ? 'contacts.lookup' : 'contacts.list',
    ...(person ? { subjectType: 'person', subjectId: person.id } : {}),
    ip,
    details: { caller: phone ?? null, contacts: rows.length },
  })
  const last = rows[rows.length - 1]
  return {
    person: person ? { ...person, openCases } : null,
    contacts: await toContacts(ctx.db, rows, everyoneOnIt, person ? [person] : []),
    nextCursor: rows.length === q.limit && last ? last.id : null,
  }
}
