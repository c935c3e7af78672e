import type { AppContext } from '../../../context.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { scopeOf } from '../access.ts'
import { loadRefs } from '../refs.ts'
import { boardRows, contactsPerHour, yearTotals } from './board.repository.ts'
import { AGE_BUCKETS, type Board, type Stats } from './board.schema.ts'
import { listCaseRows } from './case.repository.ts'
import type { CaseExportQuery } from './case.schema.ts'
import { toCaseSummaries } from './case.view.ts'

const GROUP = { mission: 7, type: 11, priority: 13, age: 14, total: 15 } as const

export async function caseBoard(ctx: AppContext, principal: Principal): Promise<Board> {
  const rows = await boardRows(ctx.db, scopeOf(principal))
  const of = (grp: number) => rows.filter((r) => r.grp === grp)
  const counts = (r: { open: number; breached: number; visits_overdue: number }) => ({
    open: r.open,
    slaBreached: r.breached,
    visitsOverdue: r.visits_overdue,
  })
  const byMission = of(GROUP.mission)
  const refs = await loadRefs(ctx.db, { missions: byMission.map((r) => r.mission_code) })
  const total = of(GROUP.total)[0]
  return {
    ...counts(total ?? { open: 0, breached: 0, visits_overdue: 0 }),
    byMission: byMission
      .map((r) => ({ mission: refs.mission(r.mission_code), ...counts(r) }))
      .sort((a, b) => b.open - a.open || (a.mission?.code ?? '').localeCompare(b.mission?.code ?? '')),
    byType: of(GROUP.type)
      .map((r) => ({ type: r.type ?? '', ...counts(r) }))
      .sort((a, b) => b.open - a.open || a.type.localeCompare(b.type)),
    byPriority: of(GROUP.priority)
      .map((r) => ({ priority: r.priority ?? '', ...counts(r) }))
      .sort((a, b) => a.priority.localeCompare(b.priority)),
    byAge: AGE_BUCKETS.map((bucket) => {
      const r = of(GROUP.age).find((x) => x.age === bucket)
      return { bucket, ...counts(r ?? { open: 0, breached: 0, visits_overdue: 0 }) }
    }),
  }
}

export async function caseStats(ctx: AppContext, principal: Principal, year: number): Promise<Stats> {
  const scope = scopeOf(principal)
  const t = await yearTotals(ctx.db, scope, year)
  const hours = await contactsPerHour(ctx.db, scope)
  return {
    year,
    contactsReceived: t.contacts_received,
    helpRequests: t.help_requests,
    casesOpened: t.cases_opened,
    casesHandled: t.cases_handled,
    peopleRescued: t.people_rescued,
    contactsPerHour: hours.map((h) => ({ hour: new Date(h.hour).toISOString(), count: h.count })),
  }
}

const CSV_HEADER = [
  'reference',
  'type',
  'status',
  'priority',
  'mission',
  'country',
  'created_at',
  'first_response_at',
  'sla_breached',
  'sla_misses',
  'assignee',
  'next_visit_due',
  'visit_overdue',
  'resolved_at',
  'closed_at',
  'rescued',
  'summary',
]

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export const EXPORT_LIMIT = 10_000

/** The cases the caller may see, filtered as the list is, as a spreadsheet (audited). */
export async function exportCases(ctx: AppContext, principal: Principal, q: CaseExportQuery, ip: string) {
  const rows = await listCaseRows(ctx.db, scopeOf(principal), q, EXPORT_LIMIT)
  const cases = await toCaseSummaries(ctx.db, rows)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'case.export',
    ip,
    details: { ...q, count: cases.length },
  })
  const lines = cases.map((c) =>
    [
      c.reference,
      c.type,
      c.status,
      c.priority,
      c.mission?.code,
      c.country,
      c.createdAt,
      c.firstResponseAt,
      c.slaBreached?.kind,
      c.slaMisses,
      c.assignee?.name,
      c.nextVisitDue,
      c.visitOverdue,
      c.resolvedAt,
      c.closedAt,
      c.rescued,
      c.summary,
    ]
      .map(csvCell)
      .join(','),
  )
  return `\uFEFF${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`
}
