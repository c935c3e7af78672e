import { appointmentsError } from './appointments.errors.ts'
import type { SlotKey } from './booking.repository.ts'
import { bookable, type LoadedCalendar, serviceOf } from './calendar.service.ts'
import { dayStarts } from './slots.ts'
import { addDays, instantOf, localDate, localTime, minutesOf } from './zoned-time.ts'

/**
 * The slot a booking asks for by its start: one of the calendar's slots (else 422
 * `appointment.outside_hours`), not past the minimum notice (`appointment.too_soon`) nor beyond
 * the horizon (`appointment.outside_horizon`).
 */
export function pickSlot(c: LoadedCalendar, service: string, startText: string, now = Date.now()): SlotKey {
  const svc = serviceOf(c, service)
  const start = Date.parse(startText)
  const tz = c.row.timezone
  const date = localDate(start, tz)
  const time = localTime(start, tz)
  const plan = {
    timezone: tz,
    weekly: c.row.weekly,
    closedDates: c.row.closed_dates,
    slotMinutes: svc.slot_minutes,
    bufferMinutes: c.row.buffer_minutes,
  }
  if (
    Number.isNaN(start) ||
    new Date(start).getUTCSeconds() !== 0 ||
    start % 1000 !== 0 ||
    !dayStarts(plan, date).includes(minutesOf(time)) ||
    instantOf(date, time, tz) !== start
  )
    throw appointmentsError('appointment.outside_hours', `${startText} is not the start of a ${service} slot`)
  if (date > addDays(localDate(now, tz), c.row.horizon_days))
    throw appointmentsError('appointment.outside_horizon', `Bookings open ${c.row.horizon_days} days ahead`)
  if (!bookable(c, { date, start }, now))
    throw appointmentsError('appointment.too_soon', `Book at least ${c.row.min_notice_hours} hours ahead`)
  return {
    mission: c.row.mission_code,
    location: c.row.location,
    service,
    start: new Date(start),
    end: new Date(start + svc.slot_minutes * 60_000),
    capacity: svc.capacity,
  }
}
