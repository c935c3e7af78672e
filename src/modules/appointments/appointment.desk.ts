import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission } from '../identity/index.ts'

/** Appointments of the caller's missions starting today (UTC), not cancelled or lapsed (`appointments_day_idx`). */
export async function countAppointmentsToday(
  db: Db,
  principal: Principal,
  now = new Date(),
): Promise<number> {
  const missions = seesEveryMission(principal) ? null : principal.missions
  if (missions && missions.length === 0) return 0
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const to = new Date(from.getTime() + 86_400_000)
  let q = db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('status', 'not in', ['held', 'cancelled', 'lapsed'])
  if (missions) q = q.where('mission_code', 'in', [...missions])
  const r = await q.executeTakeFirstOrThrow()
  return Number(r.n)
}
