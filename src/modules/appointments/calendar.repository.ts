import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { WeeklyHours } from './appointments.table.ts'

export function findCalendar(db: Db, mission: string, location: string) {
  return db
    .selectFrom('appointment_calendars')
    .selectAll()
    .where('mission_code', '=', mission)
    .where('location', '=', location)
    .executeTakeFirst()
}

export function calendarServices(db: Db, mission: string, location: string) {
  return db
    .selectFrom('appointment_calendar_services')
    .selectAll()
    .where('mission_code', '=', mission)
    .where('location', '=', location)
    .orderBy('service')
    .execute()
}

export interface CalendarValues {
  mission: string
  location: string
  timezone: string
  weekly: WeeklyHours[]
  closedDates: string[]
  horizonDays: number
  minNoticeHours: number
  bufferMinutes: number
  services: { service: string; slotMinutes: number; capacity: number }[]
  updatedBy: string
}

/** Replaces the calendar and its services; slots already made keep their bookings (capacity follows, never below them). */
export async function replaceCalendar(db: Db, v: CalendarValues): Promise<void> {
  const row = {
    timezone: v.timezone,
    weekly: JSON.stringify(v.weekly),
    closed_dates: v.closedDates,
    horizon_days: v.horizonDays,
    min_notice_hours: v.minNoticeHours,
    buffer_minutes: v.bufferMinutes,
    updated_by: v.updatedBy,
  }
  await db
    .insertInto('appointment_calendars')
    .values({ mission_code: v.mission, location: v.location, ...row })
    .onConflict((oc) =>
      oc.columns(['mission_code', 'location']).doUpdateSet({ ...row, updated_at: sql`now()` }),
    )
    .execute()
  await db
    .deleteFrom('appointment_calendar_services')
    .where('mission_code', '=', v.mission)
    .where('location', '=', v.location)
    .execute()
  await db
    .insertInto('appointment_calendar_services')
    .values(
      v.services.map((s) => ({
        mission_code: v.mission,
        location: v.location,
        service: s.service,
        slot_minutes: s.slotMinutes,
        capacity: s.capacity,
      })),
    )
    .execute()
  for (const s of v.services)
    await sql`
      update appointment_slots set capacity = greatest(${s.capacity}::int, booked + held)
       where mission_code = ${v.mission} and location = ${v.location} and service = ${s.service}
         and starts_at > now() and capacity <> greatest(${s.capacity}::int, booked + held)`.execute(db)
}

/** The counter rows of one service's slots between two instants (only slots someone booked have one). */
export function slotRowsBetween(
  db: Db,
  mission: string,
  location: string,
  service: string,
  from: Date,
  to: Date,
) {
  return db
    .selectFrom('appointment_slots')
    .select(['starts_at', 'capacity', 'booked', 'held'])
    .where('mission_code', '=', mission)
    .where('location', '=', location)
    .where('service', '=', service)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute()
}

/** Missions with a calendar at a location, for the demo seed's "once". */
export async function hasCalendar(db: Db, mission: string): Promise<boolean> {
  const row = await db
    .selectFrom('appointment_calendars')
    .select('mission_code')
    .where('mission_code', '=', mission)
    .executeTakeFirst()
  return row !== undefined
}

/** Every location of a mission with a calendar, the main counter hall first, and its services. */
export async function missionLocations(db: Db, mission: string) {
  const r = await sql<{ location: string; timezone: string; services: string[] }>`
    select c.location, c.timezone,
           coalesce(array_agg(s.service order by s.service) filter (where s.service is not null), '{}') as services
      from appointment_calendars c
      left join appointment_calendar_services s on s.mission_code = c.mission_code and s.location = c.location
     where c.mission_code = ${mission}
     group by c.location, c.timezone
     order by c.location <> 'main', c.location`.execute(db)
  return r.rows
}
