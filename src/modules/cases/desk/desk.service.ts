import type { Db } from '../../../database.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { scopeOf } from '../access.ts'
import type { CaseFilter } from '../case/case.repository.ts'
import {
  casesOfPerson,
  contactsOfPerson,
  countCaseRows,
  countOpenContacts,
  countOpenSos,
  longestWaiting,
} from './desk.repository.ts'

/**
 * What the console's start page and a person's record ask of the cases module: counts that use the
 * lists' own predicates and indexes, and a person's cases and contacts as the caller may see them.
 */
export type CaseCountFilter = Pick<
  CaseFilter,
  'open' | 'priority' | 'slaBreached' | 'visitOverdue' | 'mission'
>

export function countCases(db: Db, principal: Principal, filter: CaseCountFilter): Promise<number> {
  return countCaseRows(db, scopeOf(principal), filter)
}

/** Help requests (SOS) that no one has opened a case from and whose sender has not called off. */
export function countOpenHelpRequests(db: Db, principal: Principal): Promise<number> {
  return countOpenSos(db, scopeOf(principal))
}

/** Contacts received since `since` that belong to no case yet (the hotline list's `open=true`). */
export function countUnlinkedContacts(db: Db, principal: Principal, since: Date): Promise<number> {
  return countOpenContacts(db, scopeOf(principal), since)
}

export interface WaitingItem {
  kind: 'sos' | 'case'
  id: string
  reference: string | null
  since: string
  /** A case's next target: its first response until given, then its next update. */
  due: string | null
  /** An SOS an operator has seen; a case that had its first response. */
  acknowledged: boolean
}

/** The open SOS and P1 cases that have waited longest, oldest first. */
export async function waitingOnDesk(db: Db, principal: Principal, limit = 10): Promise<WaitingItem[]> {
  const rows = await longestWaiting(db, scopeOf(principal), limit)
  return rows.slice(0, limit).map((r) => ({
    kind: r.kind,
    id: r.id,
    reference: r.reference,
    since: new Date(r.since).toISOString(),
    due: r.due ? new Date(r.due).toISOString() : null,
    acknowledged: r.acknowledged,
  }))
}

/** Whether the person is on a case the caller may see (which puts them in the caller's scope). */
export async function personOnVisibleCase(db: Db, principal: Principal, personId: string): Promise<boolean> {
  return (await casesOfPerson(db, scopeOf(principal), personId, 1)).length > 0
}

export interface PersonCase {
  id: string
  reference: string
  type: string
  status: string
  priority: string
  createdAt: string
  missionCode: string | null
}

export interface PersonContact {
  id: string
  receivedAt: string
  kind: string
  channel: string
  priority: string | null
  summary: string
  caseId: string | null
  reference: string | null
}

/** A person's cases and contacts as the caller may see them, newest first (at most `limit` each). */
export async function personCaseHistory(
  db: Db,
  principal: Principal,
  personId: string,
  limit = 50,
): Promise<{ cases: PersonCase[]; contacts: PersonContact[] }> {
  const scope = scopeOf(principal)
  const [cases, contacts] = await Promise.all([
    casesOfPerson(db, scope, personId, limit),
    contactsOfPerson(db, scope, personId, limit),
  ])
  return {
    cases: cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      type: c.type,
      status: c.status,
      priority: c.priority,
      createdAt: new Date(c.created_at).toISOString(),
      missionCode: c.mission_code,
    })),
    contacts: contacts.map((k) => ({
      id: k.id,
      receivedAt: new Date(k.received_at).toISOString(),
      kind: k.kind,
      channel: k.channel,
      priority: k.priority,
      summary: k.summary,
      caseId: k.case_id,
      reference: k.reference,
    })),
  }
}
