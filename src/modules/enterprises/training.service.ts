import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { accessOf } from './enterprise.service.ts'
import { coverageOf, flaggedTrainings } from './staff.repository.ts'
import { todayUtc } from './staff.service.ts'
import { daysAfter, EXPIRING_DAYS, trainingState } from './training-state.ts'

export const coveragePercent = (trained: number, staff: number) =>
  staff === 0 ? null : Math.round((trained / staff) * 100)

/** Pre-departure training per site (who holds a valid one) and the trainings to renew. */
export async function trainingOverview(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  ip: string,
) {
  const role = await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  const today = todayUtc()
  const sites = await coverageOf(ctx.db, enterpriseId, today)
  const flagged = await flaggedTrainings(ctx.db, enterpriseId, daysAfter(today, EXPIRING_DAYS))
  // The flagged list names staff: a verifier's read of it is audited.
  if (role === null)
    await recordAudit(ctx.db, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.training_view',
      subjectType: 'enterprise',
      subjectId: enterpriseId,
      ip,
    })
  return {
    sites: sites.map((s) => ({
      siteId: s.site_id,
      siteName: s.site_name,
      country: s.country,
      staff: s.staff,
      trained: s.trained,
      coverage: coveragePercent(s.trained, s.staff),
      expiring: s.expiring,
      expired: s.expired,
    })),
    flagged: flagged.map((f) => ({
      staffId: f.staff_id,
      siteId: f.site_id,
      name: f.name,
      course: f.course,
      validUntil: f.valid_until,
      state: trainingState(f.valid_until, today) === 'expired' ? ('expired' as const) : ('expiring' as const),
    })),
  }
}
