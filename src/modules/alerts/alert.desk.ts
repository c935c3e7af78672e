import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'
import { DEFAULT_WINDOW_MS } from './alert.derive.ts'

/** An alert going out or still in force, with how many of the people it reached have answered. */
export interface AlertInProgress {
  id: string
  status: 'sending' | 'sent'
  headline: string
  severity: string
  sentAt: string | null
  endsAt: string
  safetyCheck: boolean
  recipients: number
  answered: number
  needHelp: number
}

interface Row {
  id: string
  status: 'sending' | 'sent'
  headline: string
  severity: string
  sent_at: Date | null
  ends_at: Date
  safety_check: boolean
  recipients: number | null
}

const endsAt = sql<Date>`coalesce(a.expires_at, a.effective_at + ${DEFAULT_WINDOW_MS}::float8 * interval '1 millisecond')`

/** Sending, or sent and not yet ended (`alerts_status_idx`), in the countries the caller sees. */
function inProgress(countries: readonly string[] | null) {
  const scope = countries ? sql`a.countries && ${[...countries]}::char(2)[]` : sql`true`
  return sql`(a.status = 'sending' or (a.status = 'sent' and ${endsAt} > now())) and ${scope}`
}

export async function countAlertsInProgress(db: Db, principal: Principal): Promise<number> {
  const countries = await visibleCountries(db, principal)
  const r = await sql<{ n: number }>`select count(*)::int as n from alerts a
    where ${inProgress(countries)}`.execute(db)
  return r.rows[0]?.n ?? 0
}

/**
 * The latest alerts in progress with their answer counts (`alert_recipients_answer_idx`, one alert at
 * a time: a reach of a million is counted for the few alerts shown, never for all of them).
 */
export async function alertsInProgress(db: Db, principal: Principal, limit = 5): Promise<AlertInProgress[]> {
  const countries = await visibleCountries(db, principal)
  const r = await sql<Row>`select a.id, a.status, a.headline, a.severity, a.sent_at, ${endsAt} as ends_at,
      a.safety_check, a.recipients
    from alerts a where ${inProgress(countries)} order by a.id desc limit ${limit}`.execute(db)
  const out: AlertInProgress[] = []
  for (const a of r.rows) {
    const c = await sql<{ answered: number; need_help: number }>`
      select count(*) filter (where answer is not null)::int as answered,
             count(*) filter (where answer = 'need_help')::int as need_help
        from alert_recipients where alert_id = ${a.id}`.execute(db)
    out.push({
      id: a.id,
      status: a.status,
      headline: a.headline,
      severity: a.severity,
      sentAt: a.sent_at ? new Date(a.sent_at).toISOString() : null,
      endsAt: new Date(a.ends_at).toISOString(),
      safetyCheck: a.safety_check,
      recipients: a.recipients ?? 0,
      answered: c.rows[0]?.answered ?? 0,
      needHelp: c.rows[0]?.need_help ?? 0,
    })
  }
  return out
}

export interface AlertReceived {
  id: string
  headline: string
  severity: string
  status: string
  sentAt: string | null
  answer: string | null
  answeredAt: string | null
}

/** The alerts that reached a person, newest first, with their current answer (for staff views). */
export async function alertsReceivedBy(db: Db, userId: string, limit = 50): Promise<AlertReceived[]> {
  const rows = await db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .select(['a.id', 'a.headline', 'a.severity', 'a.status', 'a.sent_at', 'r.answer', 'r.answered_at'])
    .where('r.user_id', '=', userId)
    .orderBy('r.alert_id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((x) => ({
    id: x.id,
    headline: x.headline,
    severity: x.severity,
    status: x.status,
    sentAt: x.sent_at ? new Date(x.sent_at).toISOString() : null,
    answer: x.answer,
    answeredAt: x.answered_at ? new Date(x.answered_at).toISOString() : null,
  }))
}
