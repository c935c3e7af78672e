import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import type { AppointmentRow } from './appointments.table.ts'
import { sendReminder } from './booking.messages.ts'
import { findAppointment } from './booking.repository.ts'
import { findCalendar } from './calendar.repository.ts'

/** How long before the start the reminder goes out. */
export const REMINDER_HOURS = 24
/** Bookings reminded per sweep (the next sweep takes the rest). */
const BATCH = 500

/**
 * Booked appointments starting within the next 24 hours that were not reminded yet. One made less
 * than 24 hours ahead (or moved that close, see `remindedAtFor`) was just confirmed: no reminder.
 */
async function dueReminders(db: Db, now: Date): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select id from appointments
     where status = 'booked' and reminded_at is null
       and starts_at > ${now} and starts_at <= ${now}::timestamptz + make_interval(hours => ${REMINDER_HOURS})
       and starts_at - created_at > make_interval(hours => ${REMINDER_HOURS})
     order by starts_at, id
     limit ${BATCH}`.execute(db)
  return r.rows.map((x) => x.id)
}

/** What a booking made or moved to `start` at `now` starts with: reminded already when it is that close. */
export function remindedAtFor(start: Date, now = new Date()): Date | null {
  return start.getTime() - now.getTime() <= REMINDER_HOURS * 3_600_000 ? now : null
}

/**
 * Sends the reminders due: each under its row's lock, marked with the message in one transaction,
 * so a sweep run twice (or by two workers) reminds nobody twice. The number sent.
 */
export async function sendDueReminders(ctx: AppContext, now = new Date()): Promise<number> {
  const zones = new Map<string, string>()
  const zoneOf = async (a: AppointmentRow) => {
    const key = `${a.mission_code}/${a.location}`
    let tz = zones.get(key)
    if (!tz) {
      tz = (await findCalendar(ctx.db, a.mission_code, a.location))?.timezone ?? 'UTC'
      zones.set(key, tz)
    }
    return tz
  }
  let sent = 0
  for (const id of await dueReminders(ctx.db, now)) {
    const first = await findAppointment(ctx.db, id)
    if (!first) continue
    const tz = await zoneOf(first)
    const done = await ctx.db.transaction().execute(async (trx) => {
      const a = await findAppointment(trx, id, true)
      if (a?.status !== 'booked' || a.reminded_at || a.starts_at <= now) return false
      await trx.updateTable('appointments').set({ reminded_at: now }).where('id', '=', id).execute()
      await sendReminder(ctx, trx, a, tz)
      return true
    })
    if (done) sent++
  }
  return sent
}
