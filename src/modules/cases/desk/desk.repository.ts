import { sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { type CaseScope, caseVisible, contactVisible } from '../access.ts'
import { type CaseFilter, caseFilterSql } from '../case/case.repository.ts'

/** Cases matching the list's filters, counted with the list's own predicate (so the two agree). */
export async function countCaseRows(db: Db, scope: CaseScope, f: CaseFilter): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from cases c
    where ${caseFilterSql(scope, f)}`.execute(db)
  return r.rows[0]?.n ?? 0
}

/** An SOS still waiting for the hotline: not called off, no case opened from it (`contacts_sos_open_idx`). */
const sosOpen = sql`k.kind = 'help_request' and k.case_id is null and k.cancelled_at is null`

export async function countOpenSos(db: Db, scope: CaseScope): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from contacts k
    where ${sosOpen} and ${contactVisible(scope)}`.execute(db)
  return r.rows[0]?.n ?? 0
}

/** Contacts not linked to a case, received since `since` (`contacts_open_idx`). */
export async function countOpenContacts(db: Db, scope: CaseScope, since: Date): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from contacts k
    where k.case_id is null and k.received_at >= ${since.toISOString()}::timestamptz
      and ${contactVisible(scope)}`.execute(db)
  return r.rows[0]?.n ?? 0
}

export interface WaitingRow {
  kind: 'sos' | 'case'
  id: string
  reference: string | null
  since: Date
  due: Date | null
  acknowledged: boolean
}

/** The longest-waiting open SOS and P1 cases, oldest first: what the duty desk must not forget. */
export async function longestWaiting(db: Db, scope: CaseScope, limit: number): Promise<WaitingRow[]> {
  const r = await sql<WaitingRow>`
    (select 'sos' as kind, k.id, k.reference, k.received_at as since, null::timestamptz as due,
            k.acknowledged_at is not null as acknowledged
       from contacts k where ${sosOpen} and ${contactVisible(scope)}
      order by k.received_at limit ${limit})
    union all
    (select 'case' as kind, c.id, c.reference, c.created_at as since,
            case when c.first_response_at is null then c.first_response_due else c.update_due end as due,
            c.first_response_at is not null as acknowledged
       from cases c where c.priority = 'P1' and c.status not in ('resolved', 'closed') and ${caseVisible(scope)}
      order by c.created_at limit ${limit})
    order by since, id`.execute(db)
  return r.rows
}

export interface PersonCaseRow {
  id: string
  reference: string
  type: string
  status: string
  priority: string
  created_at: Date
  mission_code: string | null
}

/** The cases a person is on that the caller may see, newest first. */
export async function casesOfPerson(
  db: Db,
  scope: CaseScope,
  personId: string,
  limit: number,
): Promise<PersonCaseRow[]> {
  const r = await sql<PersonCaseRow>`
    select c.id, c.reference, c.type, c.status, c.priority, c.created_at, c.mission_code from cases c
     where c.id in (select p.case_id from case_people p where p.person_id = ${personId}::uuid)
       and ${caseVisible(scope)}
     order by c.id desc limit ${limit}`.execute(db)
  return r.rows
}

export interface PersonContactRow {
  id: string
  received_at: Date
  kind: string
  channel: string
  priority: string | null
  summary: string
  case_id: string | null
  reference: string | null
}

/** The person's contacts (calls, SOS) that the caller may see, newest first (`contacts_person_idx`). */
export async function contactsOfPerson(
  db: Db,
  scope: CaseScope,
  personId: string,
  limit: number,
): Promise<PersonContactRow[]> {
  const r = await sql<PersonContactRow>`
    select k.id, k.received_at, k.kind, k.channel, k.priority, k.summary, k.case_id, k.reference
      from contacts k where k.person_id = ${personId}::uuid and ${contactVisible(scope)}
     order by k.received_at desc, k.id desc limit ${limit}`.execute(db)
  return r.rows
}
