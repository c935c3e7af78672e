import type { Kysely, Updateable } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { checkMove } from './appointment-status.ts'
import { type AppointmentService, MAIN_LOCATION, type TicketAction } from './appointments.enums.ts'
import { appointmentNotFound, appointmentsError } from './appointments.errors.ts'
import type { AppointmentRow, AppointmentTicketsTable, TicketRow } from './appointments.table.ts'
import { findAppointment, insertLift, markNoShows, setStatus } from './booking.repository.ts'
import { findCalendar } from './calendar.repository.ts'
import { requireMission, worksMission } from './mission-scope.ts'
import {
  dayAppointments,
  earliestWaiting,
  findTicket,
  insertTicket,
  missOverdue,
  nextTicketNumber,
  type Place,
  queueBoard,
  updateTicket,
} from './queue.repository.ts'
import type { Called, StaffAppointment } from './queue.schema.ts'
import { addDays, instantOf, isoInZone, localDate } from './zoned-time.ts'

/** Calls of one ticket before it counts as missed. */
export const MAX_CALLS = 3

async function placeToday(
  db: Kysely<Database>,
  mission: string,
  location: string,
): Promise<Place & { tz: string }> {
  const cal = await findCalendar(db, mission, location)
  if (!cal)
    throw appointmentsError('appointment.no_calendar', `${mission} has no calendar at location ${location}`)
  return { mission, location, date: localDate(Date.now(), cal.timezone), tz: cal.timezone }
}

function toStaff(a: AppointmentRow, tz: string): StaffAppointment {
  return {
    id: a.id,
    code: a.code,
    status: a.status,
    service: a.service as AppointmentService,
    location: a.location,
    start: isoInZone(a.starts_at, tz),
    end: isoInZone(a.ends_at, tz),
    name: a.holder_name,
    passportNumber: `••••${a.passport_last4}`,
    applicationId: a.application_id,
    ticket: a.ticket,
    counter: a.counter,
  }
}

/** The mission's bookings of one local day (audited: it names people). */
export async function staffDay(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  date: string,
  location = MAIN_LOCATION,
  ip = '',
): Promise<StaffAppointment[]> {
  await requireMission(ctx, mission, principal)
  const cal = await findCalendar(ctx.db, mission, location)
  const tz = cal?.timezone ?? 'UTC'
  await markNoShows(ctx.db)
  const from = instantOf(date, '00:00', tz) ?? Date.parse(`${date}T00:00:00Z`)
  const to = instantOf(addDays(date, 1), '00:00', tz) ?? from + 86_400_000
  const rows = await dayAppointments(ctx.db, mission, location, new Date(from), new Date(to))
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'appointment.day_read',
    subjectType: 'mission',
    subjectId: mission,
    ip,
    details: { date, location, appointments: rows.length },
  })
  return rows.map((r) => toStaff(r, tz))
}

async function scopedAppointment(ctx: AppContext, principal: Principal, id: string): Promise<AppointmentRow> {
  const a = await findAppointment(ctx.db, id)
  if (!a || !worksMission(principal, a.mission_code)) throw appointmentNotFound()
  return a
}

/** Check-in at the counter: a ticket for the queue, only on the slot's day in the mission's zone. */
export async function checkIn(
  ctx: AppContext,
  principal: Principal,
  id: string,
  ip: string,
): Promise<{ ticket: string }> {
  const a = await scopedAppointment(ctx, principal, id)
  const place = await placeToday(ctx.db, a.mission_code, a.location)
  if (localDate(a.starts_at, place.tz) !== place.date)
    throw appointmentsError('appointment.not_today', 'Check-in is on the day of the appointment only')
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await findAppointment(trx, id, true)
    if (!locked) throw appointmentNotFound()
    checkMove(locked.status, 'checked_in')
    const ticket = await nextTicketNumber(trx, place, 'A')
    await insertTicket(trx, place, ticket, locked.id)
    await setStatus(trx, locked.id, 'checked_in', { ticket, checked_in_at: new Date() })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'appointment.check_in',
      subjectType: 'appointment',
      subjectId: locked.id,
      ip,
      details: { ticket },
    })
    return { ticket }
  })
}

/** A ticket for someone who came without a booking. */
export async function walkIn(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  location = MAIN_LOCATION,
): Promise<{ ticket: string }> {
  await requireMission(ctx, mission, principal)
  const place = await placeToday(ctx.db, mission, location)
  return ctx.db.transaction().execute(async (trx) => {
    const ticket = await nextTicketNumber(trx, place, 'W')
    await insertTicket(trx, place, ticket, null)
    return { ticket }
  })
}

/** The counter calls the earliest checked-in ticket not yet called. */
export async function callNext(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  counter: number,
  location = MAIN_LOCATION,
): Promise<{ ticket: string; appointmentId?: string }> {
  await requireMission(ctx, mission, principal)
  const place = await placeToday(ctx.db, mission, location)
  return ctx.db.transaction().execute(async (trx) => {
    await missOverdue(trx, place, ctx.config.appointments.callGraceMinutes)
    const t = await earliestWaiting(trx, place)
    if (!t) throw appointmentsError('appointment.queue_empty', 'Nobody is waiting')
    await updateTicket(trx, t.id, { status: 'called', counter, calls: 1, called_at: new Date() })
    if (t.appointment_id) {
      const a = await findAppointment(trx, t.appointment_id, true)
      if (a) {
        checkMove(a.status, 'called')
        await setStatus(trx, a.id, 'called', { counter, calls: 1, called_at: new Date() })
      }
    }
    return t.appointment_id ? { ticket: t.ticket, appointmentId: t.appointment_id } : { ticket: t.ticket }
  })
}

const TICKET_MOVES: Record<TicketAction, { from: TicketRow['status'][]; to: TicketRow['status'] }> = {
  recall: { from: ['called'], to: 'called' },
  serve: { from: ['called'], to: 'serving' },
  done: { from: ['serving'], to: 'done' },
  miss: { from: ['called'], to: 'missed' },
}

/** The counter calls a ticket again (the third unanswered call misses it), serves it, finishes it or gives it up. */
export async function actOnTicket(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  ticket: string,
  action: TicketAction,
  location = MAIN_LOCATION,
) {
  await requireMission(ctx, mission, principal)
  const place = await placeToday(ctx.db, mission, location)
  return ctx.db.transaction().execute(async (trx) => {
    const t = await findTicket(trx, place, ticket)
    if (!t) throw appointmentsError('appointment.ticket_not_found', `No ticket ${ticket} today`)
    const move = TICKET_MOVES[action]
    if (!move.from.includes(t.status))
      throw appointmentsError(
        'appointment.bad_transition',
        `A ${t.status} ticket cannot be given "${action}"`,
      )
    const now = new Date()
    let to = move.to
    const set: Updateable<AppointmentTicketsTable> = {}
    if (action === 'recall') {
      if (t.calls >= MAX_CALLS) to = 'missed'
      else Object.assign(set, { calls: t.calls + 1, called_at: now })
    }
    if (to === 'serving') set.served_at = now
    if (to === 'done') set.done_at = now
    const updated = await updateTicket(trx, t.id, { ...set, status: to })
    if (t.appointment_id) {
      const a = await findAppointment(trx, t.appointment_id, true)
      const status = to === 'waiting' ? 'checked_in' : to
      if (a && (a.status !== status || action === 'recall')) {
        checkMove(a.status, status)
        await setStatus(trx, a.id, status, {
          calls: updated.calls,
          ...(set.called_at ? { called_at: set.called_at } : {}),
          ...(set.served_at ? { served_at: set.served_at } : {}),
          ...(set.done_at ? { done_at: set.done_at } : {}),
        })
      }
    }
    return {
      ticket: updated.ticket,
      status: updated.status,
      counter: updated.counter,
      calls: updated.calls,
      ...(updated.appointment_id ? { appointmentId: updated.appointment_id } : {}),
    }
  })
}

/** The waiting room's board: latest calls and how many wait. */
export async function publicQueue(ctx: AppContext, mission: string, location = MAIN_LOCATION) {
  await requireMission(ctx, mission)
  const place = await placeToday(ctx.db, mission, location)
  const board = await queueBoard(ctx.db, place)
  return {
    called: board.called.map(
      (c): Called => ({
        ticket: c.ticket,
        counter: c.counter ?? 0,
        at: isoInZone(c.called_at ?? new Date(), place.tz),
      }),
    ),
    waiting: board.waiting,
  }
}

/** The counter lifts a no-show suspension of the appointment's holder (audited). */
export async function liftSuspension(
  ctx: AppContext,
  principal: Principal,
  id: string,
  ip: string,
): Promise<void> {
  const a = await scopedAppointment(ctx, principal, id)
  await ctx.db.transaction().execute(async (trx) => {
    await insertLift(trx, a.passport_digest, principal.userId)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'appointment.suspension_lift',
      subjectType: 'appointment',
      subjectId: a.id,
      ip,
    })
  })
}
