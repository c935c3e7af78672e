import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Database } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { insertCase, insertCasePeople } from './case.repository.ts'
import { addEvent } from './case-event.repository.ts'
import { BASE_PRIORITY, type CaseType, NEED_TO_KNOW_TYPES } from './case-types.ts'
import { scheduleSla } from './sla.job.ts'
import { dueAfter } from './sla.ts'

/** What another module refers to a mission as a case (a serious adverse event after a vaccination…). */
export interface Referral {
  readonly type: CaseType
  readonly summary: string
  readonly personId: string
  /** The mission that follows it up, named by the referring module (the vaccination site's). */
  readonly missionCode: string
  readonly country: string
  readonly reporterId: string
  readonly about: { readonly type: string; readonly id: string }
}

/**
 * Opens a case for a registered person at a named mission, in the caller's transaction (a refused
 * report leaves no case), with its first-response timer running.
 */
export async function openReferredCase(
  ctx: AppContext,
  trx: Transaction<Database>,
  r: Referral,
): Promise<{ caseId: string }> {
  const id = uuidv7()
  const now = new Date()
  const priority = BASE_PRIORITY[r.type]
  const due = dueAfter(now, priority, 'firstResponse')
  await insertCase(trx, {
    id,
    type: r.type,
    priority,
    summary: r.summary,
    country: r.country,
    lat: null,
    lon: null,
    mission_code: r.missionCode,
    need_to_know: NEED_TO_KNOW_TYPES.has(r.type),
    answers: {},
    created_by: r.reporterId,
    created_at: now,
    first_response_due: due,
  })
  await insertCasePeople(trx, id, [{ id: uuidv7(), person_id: r.personId, phone: null }])
  await addEvent(trx, {
    caseId: id,
    kind: 'created',
    actorId: r.reporterId,
    at: now,
    note: r.summary,
    details: { type: r.type, priority, mission: r.missionCode, about: r.about },
  })
  await scheduleSla(ctx, trx, id, 'firstResponse', due)
  await recordAudit(trx, {
    actorId: r.reporterId,
    action: 'case.create',
    subjectType: 'case',
    subjectId: id,
    details: { type: r.type, priority, about: r.about },
  })
  return { caseId: id }
}
