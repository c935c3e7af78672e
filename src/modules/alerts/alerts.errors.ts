import { moduleErrors } from '../../platform/errors/app-error.ts'

/**
 * Every code the alerts module answers with (besides the CAP parser's `cap.*` in
 * `cap/cap.errors.ts`), with its HTTP status: one place to read what a client may meet.
 */
const STATUS = {
  /** Unknown, or outside the caller's scope (never 403, so ids are not confirmed). */
  'alert.not_found': 404,
  /** JSON that is not an acceptable CAP alert once completed. */
  'alert.invalid': 400,
  'alert.outside_jurisdiction': 403,
  'alert.approval_required': 403,
  'alert.already_sent': 409,
  'alert.expired': 409,
  'alert.not_sendable': 409,
  'alert.not_actual': 409,
  /** A status move the transition table does not allow (alert-status.ts). */
  'alert.bad_transition': 409,
  /** The alert did not reach this person. */
  'alert.not_recipient': 404,
  'alert.no_safety_check': 409,
  /** A headcount whose safe + injured + missing is over its total. */
  'alert.headcount_over_total': 422,
  /** A cancelled alert asks nothing any more: answers are refused. */
  'alert.cancelled': 409,
  /** A one-click link signed for another person, alert or answer. */
  'alert.bad_link': 403,
  /** A one-click link past the alert's end and the grace period. */
  'alert.link_expired': 410,
  /** A hazard feed that is not what its kind says: not a USGS FeatureCollection, not GDACS RSS. */
  'feed.usgs_invalid': 422,
  'feed.gdacs_invalid': 422,
  /** XML refused before reading (platform/xml): not XML, an unknown encoding, a DOCTYPE. */
  'feed.not_xml': 422,
  'feed.bad_encoding': 422,
  'feed.dtd_refused': 422,
} as const satisfies Record<string, number>

export type AlertErrorCode = keyof typeof STATUS

/** An alerts error: the status follows from the code. */
export const alertError = moduleErrors(STATUS)

export const alertNotFound = (id: string) => alertError('alert.not_found', `No alert ${id}`)
