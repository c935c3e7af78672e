import { AppError, moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the advisories module answers with, and its HTTP status. */
const STATUS = {
  'advisory.out_of_scope': 403,
  'advisory.no_draft': 404,
  'advisory.region_not_found': 404,
  'advisory.region_code_mismatch': 400,
  'advisory.region_area_required': 400,
  'advisory.region_invalid_area': 400,
  'advisory.region_outside_country': 400,
  'subscription.not_found': 404,
  /** A confirmation or unsubscribe link that is unknown, used already or not signed by us. */
  'subscription.link_invalid': 400,
  /** A country named in the path that names no country (see `unknownCountryToFollow` for a body). */
  'reference.unknown_country': 404,
} as const

export type AdvisoryErrorCode = keyof typeof STATUS

/** An error of this module: its status follows from its code. */
export const advisoryError = moduleErrors(STATUS)

/** A country to follow, given in a request body, that names no country: bad input rather than "not found". */
export function unknownCountryToFollow(country: string): AppError {
  return new AppError(400, 'reference.unknown_country', `Unknown country ${country}`)
}
