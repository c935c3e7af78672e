import type { AppContext } from '../../context.ts'
import { splitNameLatin } from './health-identity.ts'
import { findProfileRow } from './profile.repository.ts'

/** Who an appointment is for, as the counter checks it: the name and passport of the profile. */
export interface BookingIdentity {
  /** The passport's Latin name (SURNAME GIVEN NAMES), with the Chinese name after it when known. */
  name: string
  /** The passport number's blind index: one person across accounts. */
  passportDigest: string
  passportLast4: string
}

/** The account holder's name and passport number from the profile, or null when either is missing. */
export async function bookingIdentity(ctx: AppContext, userId: string): Promise<BookingIdentity | null> {
  const row = await findProfileRow(ctx.db, userId)
  if (!row?.passport_digest || !row.passport_last4) return null
  const { surname, givenNames } = splitNameLatin(
    row.surname ?? null,
    row.given_names ?? null,
    row.name_latin ?? null,
  )
  const latin = [surname, givenNames].filter(Boolean).join(' ')
  const name = [latin, row.name_zh].filter(Boolean).join(' ')
  if (!name) return null
  return { name, passportDigest: row.passport_digest, passportLast4: row.passport_last4 }
}
