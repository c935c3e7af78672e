import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the enterprises module answers with, and its HTTP status. */
const STATUS = {
  /** The 18th character is not the check character GB 32100-2015 calls for, or a character is outside its alphabet. */
  'enterprise.credit_code': 422,
  'enterprise.credit_code_taken': 409,
  /** Unknown, or not the caller's (never 403, so ids are not confirmed). */
  'enterprise.not_found': 404,
  'enterprise.already_verified': 409,
  /** Only the enterprise's administrators may do this (members are added by them). */
  'enterprise.not_admin': 403,
  'enterprise.unknown_account': 404,
  'enterprise.site_not_found': 404,
  'enterprise.unknown_country': 422,
  /** The point lies outside the country given. */
  'enterprise.point_outside_country': 422,
  'enterprise.unknown_question': 422,
  /** A roster file with bad rows: `errors` lists each by line; nothing was written. */
  'enterprise.roster_invalid': 422,
  'enterprise.staff_not_found': 404,
  /** Someone else on the site's roster has this phone number. */
  'enterprise.staff_phone_taken': 409,
  /** A training's "valid until" comes before the day it was taken. */
  'enterprise.training_dates': 422,
  'enterprise.training_not_found': 404,
  /** An evacuation plan must be a PDF (judged by its content, not its name). */
  'enterprise.plan_not_pdf': 415,
  'enterprise.plan_too_large': 413,
  'enterprise.no_plan': 404,
  /** Officers write guidance for their missions' countries only. */
  'enterprise.guidance_out_of_scope': 403,
  'enterprise.guidance_no_draft': 404,
  'enterprise.guidance_not_found': 404,
} as const

export type EnterpriseErrorCode = keyof typeof STATUS

export const enterpriseError = moduleErrors(STATUS)
export const enterpriseNotFound = () => enterpriseError('enterprise.not_found', 'No such enterprise')
export const siteNotFound = () => enterpriseError('enterprise.site_not_found', 'No such site')
export const staffNotFound = () =>
  enterpriseError('enterprise.staff_not_found', 'No such person on the roster')
