import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { offerAddedPlaces } from './added-capacity.ts'
import { type AppointmentService, MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'
import type { CalendarRow, CalendarServiceRow } from './appointments.table.ts'
import {
  calendarServices,
  findCalendar,
  missionLocations,
  replaceCalendar,
  slotRowsBetween,
} from './calendar.repository.ts'
import type { Calendar, CalendarBody, MissionLocation, Slot, SlotsQuery } from './calendar.schema.ts'
import { requireMission } from './mission-scope.ts'
import { type PlannedSlot, planSlots } from './slots.ts'
import { addDays, daysBetween, isTimeZone, localDate, minutesOf } from './zoned-time.ts'

/** The longest range one slot listing covers. */
export const MAX_LISTING_DAYS = 92

export interface LoadedCalendar {
  row: CalendarRow
  services: CalendarServiceRow[]
}

export function toCalendar(c: LoadedCalendar): Calendar {
  return {
    mission: c.row.mission_code,
    location: c.row.location,
    timezone: c.row.timezone,
    services: c.services.map((s) => ({
      service: s.service as AppointmentService,
      slotMinutes: s.slot_minutes,
      capacity: s.capacity,
    })),
    weekly: c.row.weekly,
    closedDates: c.row.closed_dates,
    horizonDays: c.row.horizon_days,
    minNoticeHours: c.row.min_notice_hours,
    bufferMinutes: c.row.buffer_minutes,
  }
}

export async function loadCalendar(db: Db, mission: string, location: string): Promise<LoadedCalendar> {
  const row = await findCalendar(db, mission, location)
  if (!row)
    throw appointmentsError('appointment.no_calendar', `${mission} has no calendar at location ${location}`)
  return { row, services: await calendarServices(db, mission, location) }
}

export function serviceOf(c: LoadedCalendar, service: string): CalendarServiceRow {
  const s = c.services.find((x) => x.service === service)
  if (!s)
    throw appointmentsError(
      'appointment.service_unavailable',
      `${c.row.mission_code} does not book ${service} at ${c.row.location}`,
    )
  return s
}

export async function getCalendar(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  location = MAIN_LOCATION,
): Promise<Calendar> {
  await requireMission(ctx, mission, principal)
  return toCalendar(await loadCalendar(ctx.db, mission, location))
}

function checkBody(body: CalendarBody): void {
  if (!isTimeZone(body.timezone))
    throw appointmentsError('appointment.bad_timezone', `${body.timezone} is not an IANA time zone`)
  for (const w of body.weekly)
    if (minutesOf(w.opens) >= minutesOf(w.closes))
      throw appointmentsError(
        'appointment.bad_hours',
        `day ${w.day}: opens ${w.opens} is not before ${w.closes}`,
      )
  const services = body.services.map((s) => s.service)
  if (new Set(services).size !== services.length)
    throw appointmentsError('appointment.bad_hours', 'a service is listed twice')
}

/** Officers of the mission and admins replace the hours; bookings already made stay. */
export async function saveCalendar(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  location: string,
  body: CalendarBody,
  ip: string,
): Promise<Calendar> {
  await requireMission(ctx, mission, principal)
  checkBody(body)
  const before = (await findCalendar(ctx.db, mission, location))
    ? await loadCalendar(ctx.db, mission, location)
    : null
  await ctx.db.transaction().execute(async (trx) => {
    await replaceCalendar(trx, {
      mission,
      location,
      timezone: body.timezone,
      weekly: body.weekly,
      closedDates: [...new Set(body.closedDates)].sort(),
      horizonDays: body.horizonDays,
      minNoticeHours: body.minNoticeHours,
      bufferMinutes: body.bufferMinutes,
      services: body.services,
      updatedBy: principal.userId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'appointment.calendar_edit',
      subjectType: 'mission',
      subjectId: mission,
      ip,
      details: { location, timezone: body.timezone, services: body.services.map((s) => s.service) },
    })
  })
  const after = await loadCalendar(ctx.db, mission, location)
  await offerAddedPlaces(ctx, before, after)
  return toCalendar(after)
}

/** Whether a planned slot may be booked now: not past the minimum notice, not beyond the horizon. */
export function bookable(
  c: LoadedCalendar,
  s: Pick<PlannedSlot, 'date' | 'start'>,
  now = Date.now(),
): boolean {
  return bookableAt(c, now)(s)
}

/** The same test for many slots: the notice's instant and the horizon's date computed once. */
export function bookableAt(c: LoadedCalendar, now = Date.now()) {
  const earliest = now + c.row.min_notice_hours * 3_600_000
  const lastDate = addDays(localDate(now, c.row.timezone), c.row.horizon_days)
  return (s: Pick<PlannedSlot, 'date' | 'start'>) => s.start >= earliest && s.date <= lastDate
}

/**
 * The calendar of a mission's location; 404 `appointment.unknown_mission` for a mission that does
 * not exist (asked only when there is no calendar: a calendar's mission exists).
 */
export async function loadMissionCalendar(
  ctx: AppContext,
  mission: string,
  location: string,
): Promise<LoadedCalendar> {
  const row = await findCalendar(ctx.db, mission, location)
  if (!row) {
    await requireMission(ctx, mission)
    throw appointmentsError('appointment.no_calendar', `${mission} has no calendar at location ${location}`)
  }
  return { row, services: await calendarServices(ctx.db, mission, location) }
}

/** Every slot of the dates asked for, full ones and ones that can no longer be booked with `available: 0`. */
export async function listSlots(ctx: AppContext, mission: string, q: SlotsQuery): Promise<Slot[]> {
  if (q.from > q.to || daysBetween(q.from, q.to) >= MAX_LISTING_DAYS)
    throw appointmentsError(
      'appointment.bad_range',
      `from must not be after to, and the range at most ${MAX_LISTING_DAYS} days`,
    )
  const c = await loadMissionCalendar(ctx, mission, q.location ?? MAIN_LOCATION)
  const svc = serviceOf(c, q.service)
  const planned = planSlots(
    {
      timezone: c.row.timezone,
      weekly: c.row.weekly,
      closedDates: c.row.closed_dates,
      slotMinutes: svc.slot_minutes,
      bufferMinutes: c.row.buffer_minutes,
    },
    q.from,
    q.to,
  )
  const first = planned[0]
  const last = planned.at(-1)
  if (!first || !last) return []
  const rows = await slotRowsBetween(
    ctx.db,
    mission,
    c.row.location,
    q.service,
    new Date(first.start),
    new Date(last.start + 1),
  )
  const taken = new Map(rows.map((r) => [new Date(r.starts_at).getTime(), r]))
  const open = bookableAt(c)
  return planned.map((p) => {
    const row = taken.get(p.start)
    const capacity = row?.capacity ?? svc.capacity
    const free = capacity - (row?.booked ?? 0) - (row?.held ?? 0)
    return {
      start: p.startText,
      end: p.endText,
      capacity,
      available: open(p) ? Math.max(0, free) : 0,
    }
  })
}

/** Where a mission takes bookings (its counter hall, partner clinics) and what each books. */
export async function listLocations(ctx: AppContext, mission: string): Promise<MissionLocation[]> {
  await requireMission(ctx, mission)
  return (await missionLocations(ctx.db, mission)).map((l) => ({
    location: l.location,
    timezone: l.timezone,
    services: l.services as AppointmentService[],
  }))
}
