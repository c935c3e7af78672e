import type { Localized } from './i18n.ts'

/*
 * Shapes the server declares inline in a route or service file, not in a `*.schema.ts` the web
 * app may import. Each names where its schema is; when that moves into a schema file, import
 * it from there (`z.infer`) and delete the copy here.
 */

/** `inboxItem` in notifications/notifications.routes.ts. */
export interface InboxItem {
  id: string
  messageId: string
  kind: string
  title: string
  body: string
  about: { type: string; id: string } | null
  country: string | null
  link: string | null
  emergency: boolean
  createdAt: string
  readAt: string | null
}

/** `subscriptionList` in advisories/advisories.routes.ts. */
export interface Subscription {
  country: string
  name: Localized
  createdAt: string
}

/** `myAlert` in alerts/alert-me.service.ts: an alert as it reached me, with my answer. */
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

/** `answerResult` in alerts/alert-me.routes.ts. */
export interface AnswerResult {
  alertId: string
  answer: string
  answeredAt: string
  contactId: string | null
}

/** `recipientItem` in alerts/alert.recipient-list.ts. */
export interface Recipient {
  userId: string
  name: string
  phone: string | null
  country: string | null
  place: string | null
  lat: number | null
  lon: number | null
  inArea: boolean
  answer: string | null
  answeredAt: string | null
  contactId: string | null
}

/** `mapCells` in alerts/alert.recipient-list.ts: one cell of the live board's grid. */
export interface MapCell {
  lon: number
  lat: number
  total: number
  safe: number
  needHelp: number
  notInArea: number
  unanswered: number
}

/** `person` in registrations/people.routes.ts (the dependants it also gives are not read here). */
export interface Person {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  email: string | null
  phone: string | null
  passportNumber: string | null
  places: Place[]
}

export interface Place {
  source: 'residence' | 'trip' | 'location'
  country: string
  lat: number | null
  lon: number | null
}

/** `result` in registrations/people.routes.ts. */
export interface SearchResult {
  count: number
  people: Person[]
}
