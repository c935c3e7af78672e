/**
 * An alert's statuses, origins, safety answers and feeds, apart from the schemas (alert.schema.ts
 * re-exports them): this file imports nothing, so the web app bundles the lists without zod.
 */
export const ALERT_STATUS = ['draft', 'pending_approval', 'sending', 'sent', 'cancelled', 'expired'] as const
export type AlertStatus = (typeof ALERT_STATUS)[number]
export const ALERT_ORIGINS = ['console', 'api', 'cap', 'usgs', 'gdacs'] as const
export type AlertOrigin = (typeof ALERT_ORIGINS)[number]
export const SAFETY_ANSWERS = ['safe', 'need_help', 'not_in_area'] as const
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number]
/** How an answer reached us: the app, a signed link, a push button, or the hotline on the phone. */
export const ANSWER_VIA = ['app', 'link', 'push', 'hotline'] as const
export type AnswerVia = (typeof ANSWER_VIA)[number]
/** Hazard feeds we poll: a USGS GeoJSON summary, GDACS RSS, or CAP (a message or an Atom/RSS index of them). */
export const FEED_POLL_KINDS = ['usgs', 'gdacs', 'cap'] as const
export type FeedPollKind = (typeof FEED_POLL_KINDS)[number]
