import type { Kysely } from 'kysely'
import type { Database } from '../../database.ts'
import { infoIn, needsApproval } from './alert.derive.ts'
import { type AlertRow, referencesOf, threadOf } from './alert.repository.ts'
import type { AlertDetail, AlertSummary } from './alert.schema.ts'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

function titleIn(row: AlertRow, lang: 'zh-CN' | 'en') {
  const info = infoIn(row.cap, lang)
  return { event: info?.event ?? row.event, headline: info?.headline ?? info?.event ?? row.headline }
}

export function toSummary(row: AlertRow): AlertSummary {
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    msgType: row.msg_type,
    capStatus: row.cap_status,
    identifier: row.identifier,
    sender: row.sender,
    sent: new Date(row.sent).toISOString(),
    event: row.event,
    severity: row.severity,
    headline: row.headline,
    titles: { 'zh-CN': titleIn(row, 'zh-CN'), en: titleIn(row, 'en') },
    effectiveAt: new Date(row.effective_at).toISOString(),
    expiresAt: iso(row.expires_at),
    countries: row.countries,
    safetyCheck: row.safety_check,
    reach: {
      people: row.reach_people ?? 0,
      trips: row.reach_trips ?? 0,
      subscribers: row.reach_subscribers ?? 0,
      sites: row.reach_sites ?? 0,
      countedAt: iso(row.reach_counted_at),
    },
    recipients: row.recipients,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: iso(row.sent_at),
  }
}

export async function toDetail(db: Kysely<Database>, row: AlertRow): Promise<AlertDetail> {
  const [references, thread] = await Promise.all([referencesOf(db, row.id), threadOf(db, row)])
  return {
    ...toSummary(row),
    scope: row.scope,
    unplaced: row.unplaced,
    area: row.area_geojson ? (JSON.parse(row.area_geojson) as unknown) : null,
    originalId: row.original_id,
    references: references.map((r) => ({ ...r, sent: new Date(r.sent).toISOString() })),
    thread: thread.map((t) => ({
      id: t.id,
      msgType: t.msg_type,
      status: t.status,
      sent: new Date(t.sent).toISOString(),
      headline: t.headline,
    })),
    approval: {
      required: needsApproval(row.severity),
      submittedBy: row.submitted_by,
      approvedBy: row.approved_by,
    },
    cap: row.cap,
  }
}
