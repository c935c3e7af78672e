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
