import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { MAIN_LOCATION } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'
import { locationName } from './calendar.schema.ts'
import { loadCalendar, MAX_LISTING_DAYS } from './calendar.service.ts'
import { requireMission } from './mission-scope.ts'
import { planSlots } from './slots.ts'
import { addDays, daysBetween, instantOf } from './zoned-time.ts'

export const figuresQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  location: locationName.optional(),
})
export type FiguresQuery = z.infer<typeof figuresQuery>

export const figures = z.strictObject({
  mission: z.string(),
  location: z.string(),
  from: z.string(),
  to: z.string(),
  /** Places the calendar offered in the range (every service's slots × capacity). */
  capacity: z.number().int(),
  bookings: z.number().int(),
  cancelled: z.number().int(),
  done: z.number().int(),
  noShows: z.number().int(),
  missed: z.number().int(),
  /** Bookings kept (not cancelled) over the capacity. */
  utilisation: z.number(),
  /** No-shows over the bookings whose day has passed. */
  noShowRate: z.number(),
  /** Minutes from check-in to the first call. */
  waitMinutes: z.strictObject({ p50: z.number().nullable(), p90: z.number().nullable() }),
  waitlistEntries: z.number().int(),
  waitlistBooked: z.number().int(),
})
export type Figures = z.infer<typeof figures>

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0)

/** A mission's figures for a range of local dates at one location. */
export async function missionFigures(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  q: FiguresQuery,
): Promise<Figures> {
  if (q.from > q.to || daysBetween(q.from, q.to) >= MAX_LISTING_DAYS)
    throw appointmentsError(
      'appointment.bad_range',
      `from must not be after to, and the range at most ${MAX_LISTING_DAYS} days`,
    )
  await requireMission(ctx, mission, principal)
  const location = q.location ?? MAIN_LOCATION
  const c = await loadCalendar(ctx.db, mission, location)
  const tz = c.row.timezone
  let capacity = 0
  for (const s of c.services)
    capacity +=
      planSlots(
        {
          timezone: tz,
          weekly: c.row.weekly,
          closedDates: c.row.closed_dates,
          slotMinutes: s.slot_minutes,
          bufferMinutes: c.row.buffer_minutes,
        },
        q.from,
        q.to,
      ).length * s.capacity
  const from = new Date(instantOf(q.from, '00:00', tz) ?? Date.parse(q.from))
  const to = new Date(instantOf(addDays(q.to, 1), '00:00', tz) ?? Date.parse(addDays(q.to, 1)))
  const r = await sql<{
    bookings: number
    cancelled: number
    done: number
    no_shows: number
    missed: number
    past: number
    p50: number | null
    p90: number | null
  }>`
    select count(*) filter (where status not in ('held','lapsed'))::int as bookings,
           count(*) filter (where status = 'cancelled')::int as cancelled,
           count(*) filter (where status = 'done')::int as done,
           count(*) filter (where status = 'no_show')::int as no_shows,
           count(*) filter (where status = 'missed')::int as missed,
           count(*) filter (where status in ('done','no_show','missed','serving','called','checked_in'))::int as past,
           percentile_cont(0.5) within group (order by extract(epoch from (called_at - checked_in_at)) / 60)
             filter (where called_at is not null and checked_in_at is not null) as p50,
           percentile_cont(0.9) within group (order by extract(epoch from (called_at - checked_in_at)) / 60)
             filter (where called_at is not null and checked_in_at is not null) as p90
      from appointments
     where mission_code = ${mission} and location = ${location} and starts_at >= ${from} and starts_at < ${to}`.execute(
    ctx.db,
  )
  const w = await sql<{ entries: number; booked: number }>`
    select count(*)::int as entries, count(*) filter (where status = 'booked')::int as booked
      from appointment_waitlist
     where mission_code = ${mission} and location = ${location} and from_date <= ${q.to}::date and to_date >= ${q.from}::date`.execute(
    ctx.db,
  )
  const f = r.rows[0]
  const kept = (f?.bookings ?? 0) - (f?.cancelled ?? 0)
  const round = (x: number | null | undefined) =>
    x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10
  return {
    mission,
    location,
    from: q.from,
    to: q.to,
    capacity,
    bookings: f?.bookings ?? 0,
    cancelled: f?.cancelled ?? 0,
    done: f?.done ?? 0,
    noShows: f?.no_shows ?? 0,
    missed: f?.missed ?? 0,
    utilisation: ratio(kept, capacity),
    noShowRate: ratio(f?.no_shows ?? 0, f?.past ?? 0),
    waitMinutes: { p50: round(f?.p50), p90: round(f?.p90) },
    waitlistEntries: w.rows[0]?.entries ?? 0,
    waitlistBooked: w.rows[0]?.booked ?? 0,
  }
}

/** The same figures as one CSV row under its header. */
export function figuresCsv(f: Figures): string {
  const head = [
    'mission',
    'location',
    'from',
    'to',
    'capacity',
    'bookings',
    'cancelled',
    'done',
    'no_shows',
    'missed',
    'utilisation',
    'no_show_rate',
    'wait_p50_minutes',
    'wait_p90_minutes',
    'waitlist_entries',
    'waitlist_booked',
  ]
  const row = [
    f.mission,
    f.location,
    f.from,
    f.to,
    f.capacity,
    f.bookings,
    f.cancelled,
    f.done,
    f.noShows,
    f.missed,
    f.utilisation,
    f.noShowRate,
    f.waitMinutes.p50 ?? '',
    f.waitMinutes.p90 ?? '',
    f.waitlistEntries,
    f.waitlistBooked,
  ]
  return `${head.join(',')}\r\n${row.join(',')}\r\n`
}
