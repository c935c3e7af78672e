import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { countPendingAdvisories } from '../advisories/index.ts'
import { alertsInProgress, countAlertsInProgress } from '../alerts/index.ts'
import { countPendingApplications } from '../applications/index.ts'
import { countAppointmentsToday } from '../appointments/index.ts'
import { countCases, countOpenHelpRequests, countUnlinkedContacts, waitingOnDesk } from '../cases/index.ts'
import { CONSOLE_PATHS } from './console.paths.ts'
import type { Overview, OverviewKey } from './console.schema.ts'

type Card = Overview['cards'][number]
type CardSource = (ctx: AppContext, p: Principal, now: Date) => Promise<Card>

const card = (key: OverviewKey, href: string) => (count: number) => ({ key, count, href })

/** Each number, counted as the list behind its link filters (same predicate, same scope). */
const CARDS: Record<OverviewKey, CardSource> = {
  sos_open: (ctx, p) => countOpenHelpRequests(ctx.db, p).then(card('sos_open', CONSOLE_PATHS.openSos)),
  p1_open: (ctx, p) =>
    countCases(ctx.db, p, { open: true, priority: 'P1' }).then(
      card('p1_open', CONSOLE_PATHS.cases({ open: 'true', priority: 'P1' })),
    ),
  sla_missed: (ctx, p) =>
    countCases(ctx.db, p, { open: true, slaBreached: true }).then(
      card('sla_missed', CONSOLE_PATHS.cases({ open: 'true', slaBreached: 'true' })),
    ),
  alerts_sending: (ctx, p) =>
    countAlertsInProgress(ctx.db, p).then(card('alerts_sending', CONSOLE_PATHS.alertsInProgress)),
  advisories_pending: (ctx, p) =>
    countPendingAdvisories(ctx.db, p).then(card('advisories_pending', CONSOLE_PATHS.advisoriesPending)),
  cases_open: (ctx, p) =>
    countCases(ctx.db, p, { open: true }).then(card('cases_open', CONSOLE_PATHS.cases({ open: 'true' }))),
  visits_overdue: (ctx, p) =>
    countCases(ctx.db, p, { visitOverdue: true }).then(
      card('visits_overdue', CONSOLE_PATHS.cases({ visitOverdue: 'true' })),
    ),
  applications_pending: (ctx, p) =>
    countPendingApplications(ctx.db, p).then(card('applications_pending', CONSOLE_PATHS.applicationsPending)),
  appointments_today: (ctx, p, now) =>
    countAppointmentsToday(ctx.db, p, now).then(card('appointments_today', CONSOLE_PATHS.appointmentsToday)),
  contacts_open: (ctx, p, now) => {
    const since = new Date(now.getTime() - OPEN_CONTACTS_WINDOW_MS)
    return countUnlinkedContacts(ctx.db, p, since).then(
      card('contacts_open', CONSOLE_PATHS.openContacts(since.toISOString())),
    )
  },
}

/** An operator's open contacts are those of the last day: older unlinked calls were answered and are history. */
const OPEN_CONTACTS_WINDOW_MS = 24 * 3_600_000

/** What each role watches, in the order shown; a member of staff with several roles sees each once. */
const BY_ROLE: Partial<Record<string, readonly OverviewKey[]>> = {
  duty_officer: ['sos_open', 'p1_open', 'sla_missed', 'alerts_sending', 'advisories_pending'],
  officer: ['cases_open', 'visits_overdue', 'sla_missed', 'applications_pending', 'appointments_today'],
  operator: ['contacts_open', 'sos_open', 'p1_open'],
}

export function overviewKeys(roles: readonly string[]): OverviewKey[] {
  const keys = new Set<OverviewKey>()
  for (const role of roles) for (const k of BY_ROLE[role] ?? []) keys.add(k)
  return [...keys]
}

export async function consoleOverview(ctx: AppContext, principal: Principal): Promise<Overview> {
  const now = new Date()
  const keys = overviewKeys(principal.roles)
  const cards: Card[] = []
  // One at a time: the embedded database is one connection, and each count is an index read.
  for (const key of keys) cards.push(await CARDS[key](ctx, principal, now))
  const desk = principal.roles.includes('duty_officer') || principal.roles.includes('operator')
  const waiting = desk ? await waitingOnDesk(ctx.db, principal, 10) : []
  const alerts = principal.roles.includes('duty_officer') ? await alertsInProgress(ctx.db, principal, 5) : []
  return {
    cards,
    waiting: waiting.map((w) => ({
      ...w,
      href: w.kind === 'case' ? CONSOLE_PATHS.case(w.id) : CONSOLE_PATHS.openSos,
    })),
    alerts: alerts.map((a) => ({ ...a, href: CONSOLE_PATHS.alert(a.id) })),
  }
}
