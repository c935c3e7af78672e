import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'

/** Drafts awaiting publication in the countries the caller may draft for (the drafts list's scope). */
export async function countPendingAdvisories(db: Db, principal: Principal): Promise<number> {
  const countries = await visibleCountries(db, principal)
  if (countries && countries.length === 0) return 0
  let q = db
    .selectFrom('advisory_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'draft')
  if (countries) q = q.where('country', 'in', countries)
  const r = await q.executeTakeFirstOrThrow()
  return Number(r.n)
}
