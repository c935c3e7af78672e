import { toE164 } from '../../registrations/index.ts'
import { casesError } from '../cases.errors.ts'

/** A phone number an operator typed, as E.164 (registrations' one normalisation), or a 400 naming the field. */
export function callerPhone(raw: string, field: string): string {
  const phone = toE164(raw)
  if (phone === null)
    throw casesError(
      'contact.bad_phone',
      `${field}: not a valid phone number in E.164 form, e.g. +8613800138000`,
    )
  return phone
}
