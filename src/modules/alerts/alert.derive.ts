import type { Localized } from '../notifications/index.ts'
import { CAP_SEVERITY, type CapAlert, type CapInfo } from './cap/cap.model.ts'

/** Extreme first: the alert's severity is its most severe info block. */
export function highestSeverity(alert: CapAlert): (typeof CAP_SEVERITY)[number] {
  const ranks = alert.info.map((i) => CAP_SEVERITY.indexOf(i.severity))
  return CAP_SEVERITY[ranks.length ? Math.min(...ranks) : CAP_SEVERITY.indexOf('Unknown')] ?? 'Unknown'
}

/** Severe and Extreme alerts drafted by an officer wait for a duty officer. */
export function needsApproval(severity: string): boolean {
  return severity === 'Extreme' || severity === 'Severe'
}

/** How long an alert without `expires` is in force: two days from when it takes effect. */
export const DEFAULT_WINDOW_MS = 48 * 3_600_000

/** When an alert ends: its `expires`, else the default window after it takes effect. */
export function alertEnd(effective: Date, expires: Date | null): Date {
  return expires ?? new Date(effective.getTime() + DEFAULT_WINDOW_MS)
}

export function effectiveWindow(alert: CapAlert): { effective: Date; expires: Date | null } {
  const times = (pick: (i: CapInfo) => string | undefined) =>
    alert.info
      .map(pick)
      .filter((t): t is string => !!t)
      .map((t) => new Date(t).getTime())
  const effective = times((i) => i.effective ?? i.onset)
  const expires = times((i) => i.expires)
  return {
    effective: new Date(effective.length ? Math.min(...effective) : new Date(alert.sent).getTime()),
    expires: expires.length ? new Date(Math.max(...expires)) : null,
  }
}

/** The info block in a language (zh-CN for zh…, en for en…), else the first one. */
export function infoIn(alert: CapAlert, lang: 'zh-CN' | 'en'): CapInfo | undefined {
  const prefix = lang === 'zh-CN' ? 'zh' : 'en'
  return alert.info.find((i) => i.language.toLowerCase().startsWith(prefix)) ?? alert.info[0]
}

export function headlineOf(alert: CapAlert): string {
  const info = infoIn(alert, 'en')
  return info?.headline ?? info?.event ?? `${alert.msgType} ${alert.identifier}`
}

const PREFIX: Record<string, Localized> = {
  Update: { 'zh-CN': '更新：', en: 'Update: ' },
  Cancel: { 'zh-CN': '解除：', en: 'Cancelled: ' },
}

const ASK: Localized = {
  'zh-CN': '您是否安全？请在应用中回答：安全、需要帮助，或不在该地区。',
  en: 'Are you safe? Answer in the app: safe, need help, or not in the area.',
}

const CANCELLED: Localized = {
  'zh-CN': '此前发布的预警已解除。',
  en: 'The earlier alert has been cancelled.',
}

/** The notification text per language: headline as the title; description, instruction, area and the question. */
export function messageText(alert: CapAlert, safetyCheck: boolean): { title: Localized; body: Localized } {
  const title = {} as Localized
  const body = {} as Localized
  for (const lang of ['zh-CN', 'en'] as const) {
    const info = infoIn(alert, lang)
    const prefix = PREFIX[alert.msgType]?.[lang] ?? ''
    title[lang] = `${prefix}${info?.headline ?? info?.event ?? headlineOf(alert)}`.slice(0, 300)
    const areas = [...new Set(info?.area.map((a) => a.areaDesc) ?? [])].join('; ')
    body[lang] = [
      alert.msgType === 'Cancel' && !info?.description ? CANCELLED[lang] : info?.description,
      info?.instruction,
      areas,
      safetyCheck ? ASK[lang] : undefined,
    ]
      .filter((s): s is string => !!s)
      .join('\n\n')
      .slice(0, 8_000)
  }
  return { title, body }
}
