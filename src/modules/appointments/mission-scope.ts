import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission } from '../identity/index.ts'
import { unknownMissions } from '../reference/index.ts'
import { appointmentsError } from './appointments.errors.ts'

/** Whether a member of staff works this mission: admins and duty officers every one, officers their own. */
export function worksMission(principal: Principal, mission: string): boolean {
  return (
    principal.roles.includes('admin') || seesEveryMission(principal) || principal.missions.includes(mission)
  )
}

/** 404 for another mission's officer, as for a mission that does not exist. */
export async function requireMission(ctx: AppContext, mission: string, principal?: Principal): Promise<void> {
  if (principal && !worksMission(principal, mission))
    throw appointmentsError('appointment.unknown_mission', `No mission ${mission}`)
  if ((await unknownMissions(ctx.db, [mission])).length > 0)
    throw appointmentsError('appointment.unknown_mission', `No mission ${mission}`)
}
