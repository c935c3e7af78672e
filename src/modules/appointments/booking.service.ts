import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database, Db } from '../../database.ts'
import { isDatabaseError } from '../../platform/errors/database-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import { applicationForBooking } from '../applications/index.ts'
import { bookingIdentity } from '../registrations/index.ts'
import { checkMove } from './appointment-status.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentNotFound, appointmentsError } from './appointments.errors.ts'
import type { AppointmentRow } from './appointments.table.ts'
import { sendCancellation, sendConfirmation } from './booking.messages.ts'
import {
  bookPlace,
  findAppointment,
  heldToBooked,
  listOwn,
  markNoShows,
  newCode,
  noShowRecord,
  recentActivity,
  type SlotKey,
  setStatus,
  takePlace,
} from './booking.repository.ts'
import type { Appointment, BookBody, MoveBody } from './booking.schema.ts'
import { toAppointment } from './booking.view.ts'
import { findCalendar } from './calendar.repository.ts'
import { loadCalendar, loadMissionCalendar } from './calendar.service.ts'
import { checkSolution, costFor, issueChallenge, spendSolution } from './challenge.ts'
import { handOver } from './handover.ts'
import { verifyManageSignature } from './manage-link.ts'
import { remindedAtFor } from './reminder.ts'
import { pickSlot } from './slot-pick.ts'
import { requireVerifiedContact } from './verified-contact.ts'
import { setWaitlistStatus } from './waitlist.repository.ts'

/** Three no-shows in 90 days suspend online booking for 30 days after the last. */
const SUSPENSION_NO_SHOWS = 3
const SUSPENSION_DAYS = 30
/** Bookings one account may make in a minute. */
const BOOKINGS_PER_ACCOUNT_MINUTE = 5

export async function timezoneOf(db: Db, mission: string, location: string): Promise<string> {
  return (await findCalendar(db, mission, location))?.timezone ?? 'UTC'
}

/** A challenge for the next booking; harder for an account that books and cancels repeatedly. */
export async function challengeFor(ctx: AppContext, principal: Principal | null) {
  const recent = principal ? await recentActivity(ctx.db, principal.userId) : { cancelled: 0 }
  return issueChallenge(ctx, costFor(ctx, recent.cancelled))
}

/** The solution must be valid for this account's cost; it is spent with the write it pays for. */
export async function requireSolution(ctx: AppContext, principal: Principal | null, altcha: string) {
  const recent = principal ? await recentActivity(ctx.db, principal.userId) : { cancelled: 0, booked: 0 }
  const solution = await checkSolution(ctx, altcha, costFor(ctx, recent.cancelled))
  if (!solution)
    throw appointmentsError('appointment.challenge', 'The proof of work is missing, wrong, used or expired')
  if (recent.booked >= BOOKINGS_PER_ACCOUNT_MINUTE)
    throw appointmentsError(
      'appointment.rate_limited',
      'Too many bookings from this account; wait a minute',
      {
        retryAfterSeconds: 60,
      },
    )
  return solution
}

async function spendOrRefuse(trx: Db, solution: { signature: string; expiresAt: Date }) {
  if (!(await spendSolution(trx, solution)))
    throw appointmentsError('appointment.challenge', 'The proof of work is missing, wrong, used or expired')
}

/** 403 `appointment.suspended` after three no-shows in 90 days, for 30 days after the last (unless lifted). */
export async function requireNotSuspended(ctx: AppContext, passportDigest: string): Promise<void> {
  const r = await noShowRecord(ctx.db, passportDigest)
  if (r.n >= SUSPENSION_NO_SHOWS && r.last) {
    const until = new Date(new Date(r.last).getTime() + SUSPENSION_DAYS * 86_400_000)
    if (until.getTime() > Date.now())
      throw appointmentsError(
        'appointment.suspended',
        'Online booking is suspended after three missed appointments',
        {
          until: until.toISOString(),
        },
      )
  }
}

function isUniqueViolation(err: unknown): boolean {
  return (
    isDatabaseError(err) && err.code === '23505' && (err.constraint ?? err.message).includes('one_active')
  )
}

/** Takes a place of the slot or answers 409 `appointment.slot_full`. */
async function takeOrRefuse(trx: Db, slot: SlotKey): Promise<string> {
  const slotId = await takePlace(trx, slot, 'booked')
  if (!slotId) throw appointmentsError('appointment.slot_full', 'This slot is full')
  return slotId
}

/** 422 `appointment.bad_application` unless the application is the caller's, for this service at this mission. */
async function requireOwnApplication(ctx: AppContext, principal: Principal, body: BookBody): Promise<void> {
  const a = await applicationForBooking(ctx.db, principal.userId, body.applicationId ?? '')
  if (!a || a.service !== body.service || a.mission !== body.mission)
    throw appointmentsError(
      'appointment.bad_application',
      'The application is not one of yours for this service at this mission',
    )
}

export async function bookAppointment(
  ctx: AppContext,
  principal: Principal,
  body: BookBody,
): Promise<Appointment> {
  await requireVerifiedContact(ctx, principal)
  const identity = await bookingIdentity(ctx, principal.userId)
  if (!identity)
    throw appointmentsError(
      'appointment.identity_missing',
      'Add your name and passport number to your profile first: the counter checks them',
    )
  const solution = await requireSolution(ctx, principal, body.altcha)
  const c = await loadMissionCalendar(ctx, body.mission, body.location ?? MAIN_LOCATION)
  if (body.applicationId) await requireOwnApplication(ctx, principal, body)
  const slot = pickSlot(c, body.service, body.start)
  await requireNotSuspended(ctx, identity.passportDigest)
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const made = await bookPlace(trx, solution, slot, {
        id: uuidv7(),
        code: newCode(),
        user_id: principal.userId,
        mission_code: slot.mission,
        location: slot.location,
        service: slot.service,
        starts_at: slot.start,
        ends_at: slot.end,
        status: 'booked',
        holder_name: identity.name,
        passport_digest: identity.passportDigest,
        passport_last4: identity.passportLast4,
        application_id: body.applicationId ?? null,
        waitlist_id: null,
        hold_expires_at: null,
        ticket: null,
        counter: null,
        checked_in_at: null,
        called_at: null,
        served_at: null,
        done_at: null,
        cancelled_at: null,
      })
      if (!made.spent)
        throw appointmentsError(
          'appointment.challenge',
          'The proof of work is missing, wrong, used or expired',
        )
      if (!made.appointment) throw appointmentsError('appointment.slot_full', 'This slot is full')
      await sendConfirmation(ctx, trx, made.appointment, c.row.timezone)
      return made.appointment
    })
    return toAppointment(row, c.row.timezone)
  } catch (err) {
    if (isUniqueViolation(err))
      throw appointmentsError('appointment.limit', `You already have an active ${body.service} appointment`)
    throw err
  }
}

export async function listMyAppointments(ctx: AppContext, principal: Principal): Promise<Appointment[]> {
  await markNoShows(ctx.db)
  const rows = await listOwn(ctx.db, principal.userId)
  const zones = new Map<string, string>()
  for (const r of rows) {
    const key = `${r.mission_code}/${r.location}`
    if (!zones.has(key)) zones.set(key, await timezoneOf(ctx.db, r.mission_code, r.location))
  }
  return rows.map((r) => toAppointment(r, zones.get(`${r.mission_code}/${r.location}`) ?? 'UTC'))
}

async function ownAppointment(ctx: AppContext, principal: Principal, id: string): Promise<AppointmentRow> {
  const a = await findAppointment(ctx.db, id)
  if (!a || a.user_id !== principal.userId) throw appointmentNotFound()
  return a
}

async function cancelRow(ctx: AppContext, a: AppointmentRow): Promise<void> {
  const tz = await timezoneOf(ctx.db, a.mission_code, a.location)
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await findAppointment(trx, a.id, true)
    if (!locked) throw appointmentNotFound()
    checkMove(locked.status, 'cancelled')
    await setStatus(trx, locked.id, 'cancelled', { cancelled_at: new Date() })
    if (locked.waitlist_id) await setWaitlistStatus(trx, locked.waitlist_id, 'cancelled')
    await handOver(ctx, trx, locked.slot_id, locked.status === 'held' ? 'held' : 'booked', tz)
    if (locked.status === 'booked') await sendCancellation(ctx, trx, locked, tz)
  })
}

/** Cancels one's own booking (or declines a held place); the place goes to the waitlist or is free at once. */
export async function cancelMyAppointment(ctx: AppContext, principal: Principal, id: string): Promise<void> {
  await cancelRow(ctx, await ownAppointment(ctx, principal, id))
}

async function confirmRow(ctx: AppContext, a: AppointmentRow, withName = true): Promise<Appointment> {
  const tz = await timezoneOf(ctx.db, a.mission_code, a.location)
  const row = await ctx.db.transaction().execute(async (trx) => {
    const locked = await findAppointment(trx, a.id, true)
    if (!locked) throw appointmentNotFound()
    if (locked.status === 'booked') return locked
    if (locked.status !== 'held' || !locked.hold_expires_at || locked.hold_expires_at.getTime() <= Date.now())
      throw appointmentsError(
        'appointment.hold_gone',
        'The place held for you has passed to the next in line',
      )
    checkMove(locked.status, 'booked')
    await heldToBooked(trx, locked.slot_id)
    const booked = await setStatus(trx, locked.id, 'booked', { hold_expires_at: null })
    if (locked.waitlist_id) await setWaitlistStatus(trx, locked.waitlist_id, 'booked')
    await sendConfirmation(ctx, trx, booked, tz)
    return booked
  })
  return toAppointment(row, tz, withName)
}

/** Confirms a place held from the waitlist (one tap), within its 15 minutes. */
export async function confirmMyHold(ctx: AppContext, principal: Principal, id: string): Promise<Appointment> {
  return confirmRow(ctx, await ownAppointment(ctx, principal, id))
}

/** The manage link's appointment: the signature must be the link's, else 404 as for no such booking. */
async function linkedAppointment(ctx: AppContext, id: string, sig: string): Promise<AppointmentRow> {
  if (!verifyManageSignature(ctx.signer, id, sig)) throw appointmentNotFound()
  const a = await findAppointment(ctx.db, id)
  if (!a) throw appointmentNotFound()
  return a
}

export async function getLinkedAppointment(ctx: AppContext, id: string, sig: string): Promise<Appointment> {
  const a = await linkedAppointment(ctx, id, sig)
  return toAppointment(a, await timezoneOf(ctx.db, a.mission_code, a.location), false)
}

export async function cancelLinkedAppointment(ctx: AppContext, id: string, sig: string): Promise<void> {
  await cancelRow(ctx, await linkedAppointment(ctx, id, sig))
}

export async function confirmLinkedHold(ctx: AppContext, id: string, sig: string): Promise<Appointment> {
  return confirmRow(ctx, await linkedAppointment(ctx, id, sig), false)
}

/** Moves a booking to another slot of the same service and place; the old place is handed over. */
export async function moveLinkedAppointment(
  ctx: AppContext,
  id: string,
  sig: string,
  body: MoveBody,
): Promise<Appointment> {
  const a = await linkedAppointment(ctx, id, sig)
  const solution = await requireSolution(ctx, null, body.altcha)
  const c = await loadCalendar(ctx.db, a.mission_code, a.location)
  const slot = pickSlot(c, a.service, body.start)
  const row = await ctx.db.transaction().execute(async (trx: Transaction<Database>) => {
    await spendOrRefuse(trx, solution)
    const locked = await findAppointment(trx, a.id, true)
    if (!locked) throw appointmentNotFound()
    if (locked.status !== 'booked')
      throw appointmentsError('appointment.bad_transition', `A ${locked.status} appointment cannot be moved`)
    if (locked.starts_at.getTime() === slot.start.getTime()) return locked
    const slotId = await takeOrRefuse(trx, slot)
    const moved = await setStatus(trx, locked.id, 'booked', {
      slot_id: slotId,
      starts_at: slot.start,
      ends_at: slot.end,
      reminded_at: remindedAtFor(slot.start),
    })
    await handOver(ctx, trx, locked.slot_id, 'booked', c.row.timezone)
    await sendConfirmation(ctx, trx, moved, c.row.timezone)
    return moved
  })
  return toAppointment(row, c.row.timezone, false)
}
