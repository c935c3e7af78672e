import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { badRequest } from '../../../platform/errors/app-error.ts'

/**
 * A phone number as E.164. Accepts what an operator pastes: spaces, dashes, a `00` international
 * prefix, and a leading space where an unencoded `+` in a query string was read as one.
 */
export function toE164(raw: string, field: string): string {
  const compact = raw.trim().replace(/[\s().-]/g, '')
  const withPlus = compact.startsWith('00')
    ? `+${compact.slice(2)}`
    : /^\d/.test(compact) && raw.startsWith(' ')
      ? `+${compact}`
      : compact
  const parsed = withPlus.startsWith('+') ? parsePhoneNumberFromString(withPlus) : undefined
  if (!parsed?.isValid()) {
    throw badRequest(
      'contact.bad_phone',
      `${field}: not a valid phone number in E.164 form, e.g. +8613800138000`,
    )
  }
  return parsed.number
}
