import type { AppContext } from '../../context.ts'
import { listDependantRows } from './dependant.repository.ts'
import { getProfile } from './profile.service.ts'

/** What another module's form may start from: the person's (or one dependant's) known details. */
export interface KnownDetails {
  readonly nameLatin: string | null
  readonly nameZh: string | null
  readonly dateOfBirth: string | null
  readonly sex: 'F' | 'M' | null
  readonly phone: string | null
}

const toSex = (s: string | null | undefined) => (s === 'F' || s === 'M' ? s : null)

/** The account holder's own details, for prefilling a form. */
export async function knownDetailsOf(ctx: AppContext, userId: string): Promise<KnownDetails> {
  const p = await getProfile(ctx, userId)
  return {
    nameLatin: p.nameLatin,
    nameZh: p.nameZh,
    dateOfBirth: p.dateOfBirth,
    sex: toSex(p.sex),
    phone: p.phone,
  }
}

/** One of the account holder's dependants, or null when the id names none of theirs. */
export async function knownDependantOf(
  ctx: AppContext,
  userId: string,
  dependantId: string,
): Promise<KnownDetails | null> {
  const [d] = await listDependantRows(ctx.db, userId, dependantId)
  if (!d) return null
  return {
    nameLatin: d.name_latin,
    nameZh: d.name_zh,
    dateOfBirth: String(d.date_of_birth).slice(0, 10),
    sex: toSex(d.sex),
    phone: d.phone,
  }
}
