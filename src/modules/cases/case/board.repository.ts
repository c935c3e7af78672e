import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { type CaseScope, caseVisible } from '../access.ts'
import { RESCUE_TYPES } from './case-types.ts'

export interface BoardGroup {
  grp: number
  mission_code: string | null
  type: string | null
  priority: string | null
  age: string | null
  open: number
  breached: number
  visits_overdue: number
}

/**
 * Open cases the caller may see, counted by mission, type, priority and age in one pass
 * (GROUPING SETS over the partial index `cases_open_idx`). `grp` tells the grouping apart.
 */
export async function boardRows(db: Db, scope: CaseScope): Promise<BoardGroup[]> {
  const r = await sql<BoardGroup>`
    with o as (
      select c.mission_code, c.type, c.priority, c.sla_breach_at,
        (c.next_visit_due is not null and c.next_visit_due < now()) as visit_overdue,
        case when c.created_at > now() - interval '1 hour' then 'under_1h'
             when c.created_at > now() - interval '1 day' then '1h_24h'
             when c.created_at > now() - interval '7 days' then '1d_7d'
             else 'over_7d' end as age
      from cases c
      where c.status not in ('resolved', 'closed') and ${caseVisible(scope)})
    select grouping(mission_code, type, priority, age) as grp, mission_code, type, priority, age,
      count(*)::int as open,
      count(*) filter (where sla_breach_at is not null)::int as breached,
      count(*) filter (where visit_overdue)::int as visits_overdue
    from o
    group by grouping sets ((mission_code), (type), (priority), (age), ())`.execute(db)
  return r.rows
}

/** Officers count within their missions; need-to-know cases count too (a total names no case). */
function missionScope(scope: CaseScope, alias: string): RawBuilder<boolean> {
  if (scope.allMissions) return sql<boolean>`true`
  return sql<boolean>`${sql.ref(`${alias}.mission_code`)} = any(${[...scope.missions]}::text[])`
}

export interface YearTotals {
  contacts_received: number
  help_requests: number
  cases_opened: number
  cases_handled: number
  people_rescued: number
}

export async function yearTotals(db: Db, scope: CaseScope, year: number): Promise<YearTotals> {
  const from = `${year}-01-01T00:00:00Z`
  const to = `${year + 1}-01-01T00:00:00Z`
  const r = await sql<YearTotals>`
    select
      (select count(*)::int from contacts k where k.received_at >= ${from}::timestamptz
         and k.received_at < ${to}::timestamptz and ${missionScope(scope, 'k')}) as contacts_received,
      (select count(*)::int from contacts k where k.kind = 'help_request' and k.received_at >= ${from}::timestamptz
         and k.received_at < ${to}::timestamptz and ${missionScope(scope, 'k')}) as help_requests,
      (select count(*)::int from cases c where c.created_at >= ${from}::timestamptz
         and c.created_at < ${to}::timestamptz and ${missionScope(scope, 'c')}) as cases_opened,
      (select count(*)::int from cases c where c.resolved_at >= ${from}::timestamptz
         and c.resolved_at < ${to}::timestamptz and ${missionScope(scope, 'c')}) as cases_handled,
      (select coalesce(sum(coalesce(c.rescued,
                case when c.type = any(${[...RESCUE_TYPES]}::text[])
                     then (select count(*) from case_people p where p.case_id = c.id) else 0 end)), 0)::int
         from cases c where c.resolved_at >= ${from}::timestamptz
         and c.resolved_at < ${to}::timestamptz and ${missionScope(scope, 'c')}) as people_rescued`.execute(
    db,
  )
  return r.rows[0] as YearTotals
}

export async function contactsPerHour(db: Db, scope: CaseScope) {
  const r = await sql<{ hour: Date; count: number }>`
    select h.hour, count(k.id)::int as count
      from generate_series(date_trunc('hour', now()) - interval '23 hours', date_trunc('hour', now()), interval '1 hour') h(hour)
      left join contacts k on k.received_at >= h.hour and k.received_at < h.hour + interval '1 hour'
       and ${missionScope(scope, 'k')}
     group by h.hour order by h.hour`.execute(db)
  return r.rows
}
