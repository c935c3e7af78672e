import type { Updateable } from 'kysely'
import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { findStaff, isStaff } from '../../identity/index.ts'
import { scopeOf } from '../access.ts'
import { type CasesErrorCode, caseNotFound, casesError } from '../cases.errors.ts'
import type { CaseRow, CasesTable } from '../cases.table.ts'
import { addTeamMember, findCaseRow, removeTeamMember } from './case.repository.ts'
import type { EventBody } from './case.schema.ts'
import { presentCase } from './case.view.ts'
import { addEvent, type NewEvent } from './case-event.repository.ts'
import { findTransition, isOpen } from './case-status.ts'
import { nextVisitDue } from './detention.service.ts'
import { recordResponse } from './response.ts'

type Planned = { event: Omit<NewEvent, 'caseId' | 'actorId'>; changes?: Updateable<CasesTable> }

const required = <T>(value: T | undefined | null, code: CasesErrorCode, detail: string): T => {
  if (value === undefined || value === null) throw casesError(code, detail)
  return value
}

function planStatus(c: CaseRow, body: EventBody, now: Date): Planned {
  const to = required(body.status, 'case.status_required', 'Give the new status')
  const from = c.status
  const move = findTransition(from, to)
  if (!move) throw casesError('case.bad_transition', `A case cannot move from ${from} to ${to}`, { from, to })
  if (move.reason && !body.reason) {
    throw casesError('case.reason_required', `Moving from ${from} to ${to} needs a reason`)
  }
  if (body.rescued !== undefined && to !== 'resolved') {
    throw casesError('case.rescued_on_resolve_only', 'rescued is recorded when a case is resolved')
  }
  const changes: Updateable<CasesTable> = { status: to }
  if (to === 'resolved') Object.assign(changes, { resolved_at: now, rescued: body.rescued ?? null })
  if (to === 'closed') changes.closed_at = now
  if (to === 'in_progress' && (from === 'resolved' || from === 'closed'))
    Object.assign(changes, { resolved_at: null, closed_at: null, rescued: null })
  return {
    event: {
      kind: 'status',
      note: body.note ?? null,
      details: { from, to, reason: body.reason ?? null, rescued: body.rescued ?? null },
    },
    changes,
  }
}

async function planAssignment(trx: Db, c: CaseRow, body: EventBody): Promise<Planned> {
  if (body.assigneeId === undefined)
    throw casesError('case.assignee_required', 'Give assigneeId (null unassigns)')
  if (body.assigneeId !== null) {
    const staff = (await findStaff(trx, [body.assigneeId]))[0]
    if (!staff || staff.disabled || !isStaff(staff.roles))
      throw casesError('case.bad_assignee', 'The assignee must be an active member of staff')
  }
  return {
    event: {
      kind: 'assignment',
      note: body.note ?? null,
      details: { from: c.assignee_id, to: body.assigneeId },
    },
    changes: { assignee_id: body.assigneeId },
  }
}

function planPriority(c: CaseRow, body: EventBody): Planned {
  const to = required(body.priority, 'case.priority_required', 'Give the new priority')
  if (!body.reason) throw casesError('case.reason_required', 'A priority change needs a reason')
  if (to === c.priority) throw casesError('case.priority_unchanged', `The case is already ${to}`)
  return {
    event: {
      kind: 'priority',
      note: body.note ?? null,
      details: { from: c.priority, to, reason: body.reason },
    },
    changes: { priority: to },
  }
}

async function planVisit(trx: Db, c: CaseRow, body: EventBody, now: Date): Promise<Planned> {
  const at = new Date(required(body.at, 'case.visit_at_required', 'Give when the visit took place (at)'))
  const findings = required(body.note, 'case.note_required', 'Give what was found at the visit (note)')
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw casesError('case.visit_in_future', 'A visit is logged once it took place')
  const due = await nextVisitDue(trx, c.id, at)
  return {
    event: { kind: 'visit', at, note: findings },
    changes: due === undefined ? {} : { next_visit_due: due },
  }
}

async function planTeam(trx: Db, c: CaseRow, body: EventBody, actorId: string): Promise<Planned> {
  const member = required(body.memberId, 'case.member_required', 'Give memberId')
  if (body.remove) {
    if (!(await removeTeamMember(trx, c.id, member))) throw casesError('case.not_a_member', 'Not on the team')
  } else {
    const staff = (await findStaff(trx, [member]))[0]
    if (!staff || staff.disabled || !isStaff(staff.roles))
      throw casesError('case.bad_team_member', 'Team members must be active staff')
    await addTeamMember(trx, c.id, member, actorId)
  }
  return {
    event: {
      kind: 'team',
      note: body.note ?? null,
      details: { memberId: member, removed: body.remove === true },
    },
  }
}

async function plan(trx: Db, c: CaseRow, body: EventBody, actorId: string, now: Date): Promise<Planned> {
  switch (body.kind) {
    case 'note':
    case 'call': {
      const note = required(body.note, 'case.note_required', `A ${body.kind} needs a note`)
      return { event: { kind: body.kind, note, at: body.at ? new Date(body.at) : now } }
    }
    case 'task': {
      const note = required(body.note, 'case.note_required', 'Say what is to be done (note)')
      return {
        event: { kind: 'task', note, details: { due: body.at ? new Date(body.at).toISOString() : null } },
      }
    }
    case 'status':
      return planStatus(c, body, now)
    case 'assignment':
      return planAssignment(trx, c, body)
    case 'priority':
      return planPriority(c, body)
    case 'visit':
      return planVisit(trx, c, body, now)
    case 'team':
      return planTeam(trx, c, body, actorId)
  }
}

/** What may still be done once a case is resolved or closed: talk about it, or change its status. */
const AFTER_RESOLUTION = new Set(['note', 'call', 'status'])

export async function addCaseEvent(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  body: EventBody,
  ip: string,
) {
  const scope = scopeOf(principal)
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseRow(trx, scope, caseId, true)
    if (!c) throw caseNotFound()
    if (!isOpen(c.status) && !AFTER_RESOLUTION.has(body.kind)) {
      throw casesError('case.closed', `The case is ${c.status}; reopen it first`)
    }
    const now = new Date()
    const planned = await plan(trx, c, body, principal.userId, now)
    const eventId = await addEvent(trx, { ...planned.event, caseId, actorId: principal.userId })
    await recordResponse(ctx, trx, c, now, planned.changes)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: `case.${body.kind}`,
      subjectType: 'case',
      subjectId: caseId,
      ip,
      details: { eventId, ...planned.event.details },
    })
    return presentCase(trx, scope, caseId)
  })
}
