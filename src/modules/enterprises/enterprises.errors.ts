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
} as const

export type EnterpriseErrorCode = keyof typeof STATUS

export const enterpriseError = moduleErrors(STATUS)
export const enterpriseNotFound = () => enterpriseError('enterprise.not_found', 'No such enterprise')
export const siteNotFound = () => enterpriseError('enterprise.site_not_found', 'No such site')
