import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { missionsOf } from './review.service.ts'

/** Submitted applications waiting for review in the caller's missions (`applications_submitted_idx`). */
export async function countPendingApplications(db: Db, principal: Principal): Promise<number> {
  const missions = missionsOf(principal)
  if (missions && missions.length === 0) return 0
  let q = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'submitted')
  if (missions) q = q.where('mission_code', 'in', [...missions])
  const r = await q.executeTakeFirstOrThrow()
  return Number(r.n)
}
