import type { Localized } from '../../lib/types.ts'

/** An alert as it reached me (`GET /api/v1/me/alerts/{id}`), with my answer. */
export interface MyAlert {
  id: string
  msgType: string
  status: string
  event: Localized
  severity: string
  urgency: string
  headline: Localized
  description: { 'zh-CN': string | null; en: string | null }
  instruction: { 'zh-CN': string | null; en: string | null }
  areaDesc: Localized
  web: string | null
  contact: string | null
  sent: string
  expiresAt: string | null
  area: unknown
  safetyCheck: boolean
  answer: string | null
  answeredAt: string | null
  inArea: boolean
}

export interface AnswerResult {
  alertId: string
  answer: string
  answeredAt: string
  contactId: string | null
}

/** Whether the alert still asks me "are you safe?" and I have not answered. */
export function awaitsAnswer(a: MyAlert, now = Date.now()): boolean {
  return (
    a.safetyCheck &&
    !a.answer &&
    a.status === 'sent' &&
    a.msgType !== 'Cancel' &&
    (!a.expiresAt || new Date(a.expiresAt).getTime() > now)
  )
}
