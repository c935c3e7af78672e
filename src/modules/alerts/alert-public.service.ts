import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { ACCESS, allowedBy } from '../identity/index.ts'
import { infoIn } from './alert.derive.ts'
import { findAlertRow, listPublicAlertRows } from './alert.repository.ts'
import { getAlert } from './alert.service.ts'
import { alertNotFound } from './alerts.errors.ts'
import { capAtomFeed, toCapXml } from './cap/cap.write.ts'

/** What the public may read: real, public alerts that went out. */
const isPublic = (row: { scope: string; cap_status: string; status: string }) =>
  row.scope === 'Public' &&
  row.cap_status === 'Actual' &&
  (row.status === 'sent' || row.status === 'cancelled')

/** The alert as CAP XML: public alerts for anyone, any alert a member of staff may see. */
export async function capOf(ctx: AppContext, principal: Principal | null, id: string): Promise<string> {
  const row = await findAlertRow(ctx.db, id)
  if (!row) throw alertNotFound(id)
  if (!isPublic(row)) {
    if (!principal || !allowedBy(ACCESS.hotline, principal)) throw alertNotFound(id)
    await getAlert(ctx, principal, id)
  }
  return toCapXml(row.cap)
}

export async function publicAlertsAtom(
  ctx: AppContext,
  base: string,
  country: string | undefined,
  lang: 'zh-CN' | 'en',
): Promise<string> {
  const rows = await listPublicAlertRows(ctx.db, { country, inForceOnly: false, limit: 50 })
  const self = country
    ? `${base}/api/v1/feeds/alerts/${country}.atom?lang=${lang}`
    : `${base}/api/v1/feeds/alerts.atom?lang=${lang}`
  const title =
    lang === 'zh-CN'
      ? `领事安全预警${country ? `（${country}）` : ''}`
      : `Lingshi safety alerts${country ? ` (${country})` : ''}`
  return capAtomFeed(
    rows.map((r) => ({
      alert: r.cap,
      capUrl: `${base}/api/v1/alerts/${r.id}.cap`,
      pageUrl: `${base}/alerts/${r.id}`,
    })),
    {
      title,
      selfUrl: self,
      id: `urn:lingshi:alerts:${country ?? 'all'}`,
      updated: rows[0]?.sent_at ?? undefined,
      language: lang === 'zh-CN' ? 'zh' : 'en',
    },
  )
}

export async function activePublicAlerts(ctx: AppContext, country: string | undefined) {
  const rows = await listPublicAlertRows(ctx.db, { country, inForceOnly: true, limit: 100 })
  return rows.map((r) => {
    const cap = r.cap
    const both = (pick: (lang: 'zh-CN' | 'en') => string) => ({ 'zh-CN': pick('zh-CN'), en: pick('en') })
    return {
      id: r.id,
      severity: r.severity,
      event: both((l) => infoIn(cap, l)?.event ?? cap.msgType),
      headline: both((l) => infoIn(cap, l)?.headline ?? infoIn(cap, l)?.event ?? cap.identifier),
      areaDesc: both((l) => [...new Set(infoIn(cap, l)?.area.map((a) => a.areaDesc) ?? [])].join('; ')),
      countries: r.countries,
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
    }
  })
}
