import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the health module answers with, and its HTTP status. */
const STATUS = {
  'health.not_a_certificate': 422,
  'health.unknown_country': 422,
  'health.person_not_found': 404,
  'health.site_not_found': 404,
  'health.clinician_not_found': 404,
  'health.not_your_site': 403,
  'health.no_site': 403,
  'health.certificate_not_found': 404,
  'health.already_revoked': 409,
  'health.no_names': 422,
  'health.no_date_of_birth': 422,
  'health.dose_in_future': 400,
  'health.test_in_future': 400,
  'health.test_positive': 422,
  'health.test_expired': 422,
  'health.positive_in_future': 400,
  'health.recovery_too_early': 422,
  'health.recovery_too_late': 422,
  'health.recovery_expired': 422,
  'health.recovery_dates_order': 400,
  'health.pki_not_initialised': 503,
  'health.programme_not_found': 404,
  'health.programme_dates_order': 400,
  'health.programme_ages_order': 400,
  'health.site_not_in_programme': 422,
  'health.unknown_site': 422,
  'health.site_outside_countries': 422,
  'health.unknown_question': 400,
  'health.answer_type': 400,
  'health.answer_missing': 400,
  'health.screening_first': 409,
  'health.lot_expired': 422,
  'health.lot_not_held': 404,
  'health.not_enough_stock': 409,
  'health.same_site': 400,
  'health.dose_not_found': 404,
  'health.coverage_country': 404,
} as const

export type HealthErrorCode = keyof typeof STATUS

/** An error of this module: its status follows from its code. */
export const healthError = moduleErrors(STATUS)
