import type { Db } from '../../../database.ts'
import { emergencyContactsOf } from '../../registrations/index.ts'
import { type CaseScope, type PeopleFilter, peopleFor } from '../access.ts'
import type { CaseRow, DetentionRow } from '../cases.table.ts'
import { loadRefs, type Refs } from '../refs.ts'
import { listAttachmentRows } from './attachment.repository.ts'
import { attachmentUsers, toAttachment } from './attachment.view.ts'
import { casePeopleRows, findCaseRow, teamOf } from './case.repository.ts'
import type { CaseDetail, CaseSummary } from './case.schema.ts'
import { listEvents } from './case-event.repository.ts'
import { isOpen } from './case-status.ts'
import { findDetention } from './detention.repository.ts'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export function visitOverdue(row: Pick<CaseRow, 'next_visit_due' | 'status'>, now = new Date()): boolean {
  return row.next_visit_due !== null && isOpen(row.status) && new Date(row.next_visit_due) < now
}

export function toCaseSummary(row: CaseRow, refs: Refs): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    priority: row.priority,
    summary: row.summary,
    country: row.country,
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
    mission: refs.mission(row.mission_code),
    assignee: refs.user(row.assignee_id),
    needToKnow: row.need_to_know,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: refs.user(row.created_by),
    firstResponseAt: iso(row.first_response_at),
    firstResponseDue: new Date(row.first_response_due).toISOString(),
    updateDue: iso(row.update_due),
    slaBreached:
      row.sla_breach_kind && row.sla_breach_at
        ? { kind: row.sla_breach_kind, at: new Date(row.sla_breach_at).toISOString() }
        : null,
    slaMisses: row.sla_misses,
    nextVisitDue: iso(row.next_visit_due),
    visitOverdue: visitOverdue(row),
    rescued: row.rescued,
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
  }
}

export async function toCaseSummaries(db: Db, rows: CaseRow[]): Promise<CaseSummary[]> {
  const refs = await loadRefs(db, {
    missions: rows.map((r) => r.mission_code),
    users: rows.flatMap((r) => [r.assignee_id, r.created_by]),
  })
  return rows.map((r) => toCaseSummary(r, refs))
}

function toDetention(d: DetentionRow | undefined): CaseDetail['detention'] {
  if (!d) return null
  return {
    arrestedAt: new Date(d.arrested_at).toISOString(),
    authorityNotifiedAt: iso(d.authority_notified_at),
    facility: d.facility,
    charges: d.charges,
    lawyer: d.lawyer,
    trialDates: d.trial_dates,
    updatedAt: new Date(d.updated_at).toISOString(),
  }
}

/**
 * The case with its people, team, detention record, files and the whole timeline, oldest first.
 * `people` says which of its people the caller may read; the others are left out.
 */
export async function toCaseDetail(db: Db, row: CaseRow, people: PeopleFilter): Promise<CaseDetail> {
  const onCase = await casePeopleRows(db, row.id)
  const team = await teamOf(db, row.id)
  const events = await listEvents(db, row.id)
  const detention = await findDetention(db, row.id)
  const attachments = await listAttachmentRows(db, row.id)
  const refs = await loadRefs(db, {
    missions: [row.mission_code],
    users: [
      row.assignee_id,
      row.created_by,
      ...team,
      ...events.map((e) => e.actor_id),
      ...attachmentUsers(attachments),
    ],
    people: { ids: onCase.map((p) => p.person_id), filter: people },
  })
  const shown = onCase.filter((p) => p.person_id === null || refs.seesPerson(p.person_id))
  const emergency = await emergencyContactsOf(
    db,
    shown.flatMap((p) => (p.person_id ? [p.person_id] : [])),
  )
  return {
    ...toCaseSummary(row, refs),
    answers: row.answers,
    siteId: row.site_id,
    enterpriseId: row.enterprise_id,
    people: shown.map((p) => ({
      personId: p.person_id,
      phone: p.phone,
      person: refs.person(p.person_id),
      emergencyContacts: (p.person_id && emergency.get(p.person_id)) || [],
    })),
    team: team.map((id) => refs.user(id)).filter((a) => a !== null),
    detention: toDetention(detention),
    attachments: attachments.map((a) => toAttachment(a, refs)),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: new Date(e.at).toISOString(),
      recordedAt: new Date(e.recorded_at).toISOString(),
      by: refs.user(e.actor_id),
      note: e.note,
      details: e.details,
    })),
  }
}

/**
 * The case as the caller may read it right after they changed it: all of it when they see the
 * case; one they opened (or left) outside what they see names only the people in their scope.
 */
export async function presentCase(db: Db, scope: CaseScope, id: string): Promise<CaseDetail> {
  const seen = await findCaseRow(db, scope, id)
  const row = seen ?? (await findCaseRow(db, null, id))
  if (!row) throw new Error('case vanished inside its own transaction')
  return toCaseDetail(db, row, peopleFor(scope, seen !== undefined))
}
