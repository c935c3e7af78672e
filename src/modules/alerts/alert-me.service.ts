import type { AppContext } from '../../context.ts'
import { infoIn } from './alert.derive.ts'
import { type AlertRow, findAlertRow } from './alert.repository.ts'
import type { MyAlert } from './alert-me.schema.ts'
import { findMyRecipientRow, myAlertRows } from './alert-recipient.repository.ts'
import { alertError } from './alerts.errors.ts'
import type { AlertRecipientRow } from './alerts.table.ts'
import type { CapAlert, CapInfo } from './cap/cap.model.ts'

function both<T>(cap: CapAlert, pick: (i: CapInfo | undefined) => T) {
  return { 'zh-CN': pick(infoIn(cap, 'zh-CN')), en: pick(infoIn(cap, 'en')) }
}

/** An alert row as a recipient reads it, with their answer and whether the area placed them. */
type MyAlertRow = Pick<
  AlertRow,
  | 'id'
  | 'msg_type'
  | 'status'
  | 'cap'
  | 'severity'
  | 'sent_at'
  | 'sent'
  | 'expires_at'
  | 'area_geojson'
  | 'safety_check'
  | 'countries'
> &
  Pick<AlertRecipientRow, 'answer' | 'answered_at' | 'placed'>

function toMyAlert(r: MyAlertRow): MyAlert {
  const cap = r.cap
  return {
    id: r.id,
    msgType: r.msg_type,
    status: r.status,
    event: both(cap, (i) => i?.event ?? cap.msgType),
    severity: r.severity,
    urgency: infoIn(cap, 'en')?.urgency ?? 'Unknown',
    headline: both(cap, (i) => i?.headline ?? i?.event ?? cap.identifier),
    description: both(cap, (i) => i?.description ?? null),
    instruction: both(cap, (i) => i?.instruction ?? null),
    areaDesc: both(cap, (i) => [...new Set(i?.area.map((a) => a.areaDesc) ?? [])].join('; ')),
    web: infoIn(cap, 'en')?.web ?? null,
    contact: infoIn(cap, 'en')?.contact ?? null,
    sent: new Date(r.sent_at ?? r.sent).toISOString(),
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
    area: r.area_geojson ? (JSON.parse(r.area_geojson) as unknown) : null,
    safetyCheck: r.safety_check,
    answer: r.answer,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    inArea: r.placed,
    countries: [...r.countries],
  }
}

/** The alerts that reached me, newest first, with my answer. */
export async function myAlerts(ctx: AppContext, userId: string): Promise<{ items: MyAlert[] }> {
  return { items: (await myAlertRows(ctx.db, userId, 100)).map(toMyAlert) }
}

export async function getMyAlert(ctx: AppContext, userId: string, alertId: string): Promise<MyAlert> {
  const mine = await findMyRecipientRow(ctx.db, alertId, userId)
  const row = mine ? await findAlertRow(ctx.db, alertId) : null
  if (!mine || !row) throw alertError('alert.not_recipient', 'This alert did not reach you')
  return toMyAlert({ ...row, ...mine })
}
