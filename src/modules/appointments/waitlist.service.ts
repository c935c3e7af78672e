import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { isDatabaseError } from '../../platform/errors/database-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import { bookingIdentity } from '../registrations/index.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'
import type { WaitlistRow } from './appointments.table.ts'
import type { WaitlistBody, WaitlistEntry } from './booking.schema.ts'
import { requireSolution } from './booking.service.ts'
import { loadCalendar, MAX_LISTING_DAYS, serviceOf } from './calendar.service.ts'
import { spendSolution } from './challenge.ts'
import { requireMission } from './mission-scope.ts'
import { requireVerifiedContact } from './verified-contact.ts'
import { insertWaitlist } from './waitlist.repository.ts'
import { daysBetween } from './zoned-time.ts'

export function toWaitlistEntry(w: WaitlistRow): WaitlistEntry {
  return {
    id: w.id,
    mission: w.mission_code,
    location: w.location,
    service: w.service as WaitlistEntry['service'],
    from: String(w.from_date).slice(0, 10),
    to: String(w.to_date).slice(0, 10),
    status: w.status,
  }
}

/** Joins the waitlist for a service, place and date range (one entry per person, service and place). */
export async function joinWaitlist(
  ctx: AppContext,
  principal: Principal,
  body: WaitlistBody,
): Promise<WaitlistEntry> {
  await requireVerifiedContact(ctx, principal)
  const identity = await bookingIdentity(ctx, principal.userId)
  if (!identity)
    throw appointmentsError(
      'appointment.identity_missing',
      'Add your name and passport number to your profile first',
    )
  const solution = await requireSolution(ctx, principal, body.altcha)
  if (body.from > body.to || daysBetween(body.from, body.to) >= MAX_LISTING_DAYS)
    throw appointmentsError(
      'appointment.bad_range',
      `from must not be after to, and the range at most ${MAX_LISTING_DAYS} days`,
    )
  await requireMission(ctx, body.mission)
  const c = await loadCalendar(ctx.db, body.mission, body.location ?? MAIN_LOCATION)
  serviceOf(c, body.service)
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      if (!(await spendSolution(trx, solution)))
        throw appointmentsError(
          'appointment.challenge',
          'The proof of work is missing, wrong, used or expired',
        )
      return insertWaitlist(trx, {
        id: uuidv7(),
        user_id: principal.userId,
        mission_code: body.mission,
        location: c.row.location,
        service: body.service,
        from_date: body.from,
        to_date: body.to,
        holder_name: identity.name,
        passport_digest: identity.passportDigest,
        passport_last4: identity.passportLast4,
        status: 'waiting',
      })
    })
    return toWaitlistEntry(row)
  } catch (err) {
    if (isDatabaseError(err) && err.code === '23505')
      throw appointmentsError('appointment.waitlist_exists', 'You are already on this waitlist')
    throw err
  }
}
