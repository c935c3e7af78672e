import type { AppContext } from '../../context.ts'
import { findCertificateIdentity, findProfilesByPassportDigest } from './profile.repository.ts'
import { maskPassport } from './profile.service.ts'
import { passportNumber } from './registrations.schema.ts'

/** The names a health certificate carries: `surname`/`givenNames`, else `nameLatin` split at its first space. */
export interface CertificateNames {
  surname: string | null
  givenNames: string | null
  dateOfBirth: string | null
}

export function splitNameLatin(
  surname: string | null,
  givenNames: string | null,
  nameLatin: string | null,
): Pick<CertificateNames, 'surname' | 'givenNames'> {
  if (surname || givenNames) return { surname, givenNames }
  const words = (nameLatin ?? '').trim().split(/\s+/).filter(Boolean)
  return { surname: words[0] ?? null, givenNames: words.slice(1).join(' ') || null }
}

export async function certificateNames(ctx: AppContext, userId: string): Promise<CertificateNames | null> {
  const row = await findCertificateIdentity(ctx.db, userId)
  if (!row) return null
  return {
    ...splitNameLatin(row.surname, row.given_names, row.name_latin),
    dateOfBirth: row.date_of_birth,
  }
}

export interface PassportMatch {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  surname: string | null
  givenNames: string | null
  dateOfBirth: string | null
  passportNumber: string | null
}

/** People whose own passport number is exactly this one (found through its blind index). */
export async function findPeopleByPassport(ctx: AppContext, passport: string): Promise<PassportMatch[]> {
  const parsed = passportNumber.safeParse(passport)
  if (!parsed.success) return []
  const rows = await findProfilesByPassportDigest(ctx.db, ctx.secrets.blindIndex(parsed.data))
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameLatin: r.name_latin,
    nameZh: r.name_zh,
    ...splitNameLatin(r.surname, r.given_names, r.name_latin),
    dateOfBirth: r.date_of_birth,
    passportNumber: maskPassport(r.passport_last4),
  }))
}
