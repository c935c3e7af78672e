import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'

/**
 * The one E.164 normalisation: the canonical form of a valid phone number, or null. Accepts what
 * people paste (spaces, dashes, brackets, a `00` international prefix) and a leading space where
 * an unencoded `+` in a query string was read as one.
 */
export function toE164(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, '')
  const withPlus = compact.startsWith('00')
    ? `+${compact.slice(2)}`
    : /^\d/.test(compact) && raw.startsWith(' ')
      ? `+${compact}`
      : compact
  const parsed = withPlus.startsWith('+') ? parsePhoneNumberFromString(withPlus) : undefined
  return parsed?.isValid() ? parsed.number : null
}

const E164_FORM = /^\+[1-9]\d{6,14}$/

/** A phone number in a request: E.164 only ("+8613800138000"), normalised to its canonical form. */
export const phoneSchema = z
  .string()
  .max(20)
  .refine((v) => E164_FORM.test(v) && toE164(v) !== null, {
    message: 'must be a valid phone number in E.164 form, e.g. +8613800138000',
  })
  .transform((v) => toE164(v) ?? v)
