import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { isDatabaseError } from '../../platform/errors/database-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import { bookingIdentity } from '../registrations/index.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'
import type { WaitlistRow } from './appointments.table.ts'
import { heldFor } from './booking.repository.ts'
import type { WaitlistBody, WaitlistEntry } from './booking.schema.ts'
import { cancelMyAppointment, requireSolution } from './booking.service.ts'
import { loadCalendar, MAX_LISTING_DAYS, serviceOf } from './calendar.service.ts'
import { spendSolution } from './challenge.ts'
import { requireMission } from './mission-scope.ts'
import { requireVerifiedContact } from './verified-contact.ts'
import { findWaitlistEntry, insertWaitlist, setWaitlistStatus, waitlistOf } from './waitlist.repository.ts'
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

/** My waitlist entries, latest first, each with its status. */
export async function listMyWaitlist(ctx: AppContext, principal: Principal): Promise<WaitlistEntry[]> {
  return (await waitlistOf(ctx.db, principal.userId)).map(toWaitlistEntry)
}

/**
 * Leaves a waitlist: a waiting entry is cancelled; one with a place held for it declines the
 * place (which passes to the next in line). 404 for another's entry, 409 once it has ended.
 */
export async function leaveWaitlist(ctx: AppContext, principal: Principal, id: string): Promise<void> {
  const entry = await findWaitlistEntry(ctx.db, id)
  if (!entry || entry.user_id !== principal.userId)
    throw appointmentsError('appointment.not_found', 'No such waitlist entry')
  if (entry.status === 'offered') {
    const held = await heldFor(ctx.db, entry.id)
    if (held) return cancelMyAppointment(ctx, principal, held.id)
  }
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await findWaitlistEntry(trx, id, true)
    if (locked?.status !== 'waiting' && locked?.status !== 'offered')
      throw appointmentsError('appointment.bad_transition', `A ${locked?.status} waitlist entry has ended`)
    await setWaitlistStatus(trx, id, 'cancelled')
  })
}
