import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { findStaff, isStaff } from '../../identity/index.ts'
import { findPersonByPhone, type PersonPlace, personSummaries } from '../../registrations/index.ts'
import { type CaseScope, everyoneOnIt, personInScope, scopeOf } from '../access.ts'
import { caseNotFound, casesError } from '../cases.errors.ts'
import type { ContactRow } from '../cases.table.ts'
import { findContactRow, linkContact } from '../hotline/contact.repository.ts'
import { callerPhone } from '../hotline/phone.ts'
import { place } from '../placement.ts'
import {
  addTeamMember,
  findCaseRow,
  findOpenDuplicate,
  insertCase,
  insertCasePeople,
  listCaseRows,
} from './case.repository.ts'
import type { CaseQuery, CreateCaseBody } from './case.schema.ts'
import { presentCase, toCaseDetail, toCaseSummaries } from './case.view.ts'
import { addEvent } from './case-event.repository.ts'
import { NEED_TO_KNOW_TYPES, suggestPriority } from './case-types.ts'
import { scheduleSla } from './sla.job.ts'
import { dueAfter } from './sla.ts'

/** An open case of the same person and type opened this recently is probably the same incident. */
export const DUPLICATE_WINDOW_DAYS = 30

interface PersonOnCase {
  id: string
  person_id: string | null
  phone: string | null
  whereNow: PersonPlace | null
}

/**
 * The people concerned, each once. Someone out of the caller's scope is treated as unknown: an id
 * is refused as an unknown id is, a phone is kept as a phone with nobody linked to it.
 */
async function resolvePeople(
  trx: Db,
  scope: CaseScope,
  body: CreateCaseBody,
  contact: ContactRow | undefined,
) {
  const people: PersonOnCase[] = []
  const add = (p: Omit<PersonOnCase, 'id'>) => {
    const same = people.find(
      (x) => (p.person_id && x.person_id === p.person_id) || (!p.person_id && p.phone && x.phone === p.phone),
    )
    if (!same) people.push({ id: uuidv7(), ...p })
  }
  for (const [i, p] of (body.people ?? []).entries()) {
    if ('personId' in p) {
      const found = await personInScope(trx, scope, (await personSummaries(trx, [p.personId]))[0])
      if (!found)
        throw casesError('case.unknown_person', `people.${i}: no registered person with id ${p.personId}`)
      add({ person_id: found.id, phone: found.phone, whereNow: found.whereNow })
    } else {
      const phone = callerPhone(p.phone, `people.${i}.phone`)
      const found = await personInScope(trx, scope, await findPersonByPhone(trx, phone))
      add({ person_id: found?.id ?? null, phone, whereNow: found?.whereNow ?? null })
    }
  }
  if (contact?.person_id) {
    const found = (await personSummaries(trx, [contact.person_id]))[0]
    add({ person_id: contact.person_id, phone: contact.caller_phone, whereNow: found?.whereNow ?? null })
  } else if (contact?.caller_phone) {
    add({ person_id: null, phone: contact.caller_phone, whereNow: null })
  }
  return people
}

async function checkTeam(trx: Db, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  const staff = await findStaff(trx, unique)
  const bad = unique.filter((id) => !staff.some((s) => s.id === id && !s.disabled && isStaff(s.roles)))
  if (bad.length) throw casesError('case.bad_team_member', 'Team members must be active staff', { ids: bad })
  return unique
}

async function findLinkableContact(trx: Db, principal: Principal, contactId: string | undefined) {
  if (!contactId) return undefined
  const contact = await findContactRow(trx, contactId, scopeOf(principal))
  if (!contact) throw casesError('contact.not_found', 'No such contact')
  if (contact.case_id) {
    throw casesError('contact.already_linked', 'This contact already belongs to a case', {
      caseId: contact.case_id,
    })
  }
  return contact
}

/**
 * Opens a case: priority suggested from type and answers, the mission found from where it
 * happened (the point, else the country, else where the first person is now), the first-response
 * timer queued. A possible duplicate (same person, same type, still open) is refused unless forced.
 */
export async function createCase(ctx: AppContext, principal: Principal, body: CreateCaseBody, ip: string) {
  const scope = scopeOf(principal)
  const type = body.type
  const priority = suggestPriority(type, body.answers)
  const needToKnow = NEED_TO_KNOW_TYPES.has(type) || body.needToKnow === true
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await findLinkableContact(trx, principal, body.contactId)
    const people = await resolvePeople(trx, scope, body, contact)
    const team = await checkTeam(trx, body.team ?? [])
    if (!body.force) {
      const personIds = people.flatMap((p) => (p.person_id ? [p.person_id] : []))
      const phones = people.flatMap((p) => (p.phone ? [p.phone] : []))
      const dup = await findOpenDuplicate(trx, scope, type, personIds, phones, DUPLICATE_WINDOW_DAYS)
      if (dup) {
        throw casesError(
          'case.possible_duplicate',
          `${dup.reference} is an open ${type} case for the same person; add to it, or send force: true`,
          { existingCaseId: dup.id, existingReference: dup.reference },
        )
      }
    }
    const lat = body.lat ?? contact?.lat ?? null
    const lon = body.lon ?? contact?.lon ?? null
    const country = body.country ?? contact?.country ?? null
    const fallback = lat === null && !country ? people.find((p) => p.whereNow)?.whereNow : undefined
    const placement = await place(trx, fallback ?? { lat, lon, country })
    const id = uuidv7()
    const now = new Date()
    const due = dueAfter(now, priority, 'firstResponse')
    await insertCase(trx, {
      id,
      type,
      priority,
      summary: body.summary,
      country: placement.country ?? country,
      lat,
      lon,
      mission_code: placement.missionCode,
      need_to_know: needToKnow,
      answers: body.answers ?? {},
      created_by: principal.userId,
      created_at: now,
      first_response_due: due,
    })
    await insertCasePeople(
      trx,
      id,
      people.map(({ whereNow: _, ...p }) => p),
    )
    for (const member of team) await addTeamMember(trx, id, member, principal.userId)
    await addEvent(trx, {
      caseId: id,
      kind: 'created',
      actorId: principal.userId,
      at: now,
      note: body.summary,
      details: { type, priority, mission: placement.missionCode, needToKnow, team },
    })
    if (contact) {
      await linkContact(trx, contact.id, id, placement.missionCode)
      await addEvent(trx, {
        caseId: id,
        kind: 'contact',
        actorId: contact.taken_by,
        at: new Date(contact.received_at),
        note: contact.summary,
        details: { contactId: contact.id, channel: contact.channel },
      })
    }
    await scheduleSla(ctx, trx, id, 'firstResponse', due)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'case.create',
      subjectType: 'case',
      subjectId: id,
      ip,
      details: { type, priority, mission: placement.missionCode, people: people.map((p) => p.person_id) },
    })
    return presentCase(trx, scope, id)
  })
}

export async function getCase(ctx: AppContext, principal: Principal, id: string, ip: string) {
  const row = await findCaseRow(ctx.db, scopeOf(principal), id)
  if (!row) throw caseNotFound()
  const detail = await toCaseDetail(ctx.db, row, everyoneOnIt)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'case.view',
    subjectType: 'case',
    subjectId: id,
    ip,
    details: { needToKnow: row.need_to_know, people: detail.people.map((p) => p.personId) },
  })
  return detail
}

export async function listCases(ctx: AppContext, principal: Principal, q: CaseQuery, ip: string) {
  const { limit, ...filter } = q
  const rows = await listCaseRows(ctx.db, scopeOf(principal), filter, limit)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'case.list',
    ip,
    details: { ...filter, shown: rows.map((r) => r.id) },
  })
  const last = rows[rows.length - 1]
  return {
    items: await toCaseSummaries(ctx.db, rows),
    nextCursor: rows.length === limit && last ? last.id : null,
  }
}
