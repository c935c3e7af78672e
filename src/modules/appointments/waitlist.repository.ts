import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { AppointmentWaitlistTable, WaitlistRow } from './appointments.table.ts'

export async function insertWaitlist(
  db: Db,
  row: Omit<AppointmentWaitlistTable, 'created_at'>,
): Promise<WaitlistRow> {
  return db.insertInto('appointment_waitlist').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * The first in line for a freed place: waiting for this service and location, the slot's local
 * date within their range, without an active booking of that service. Locked, and skipped by a
 * concurrent hand-over.
 */
export async function firstInLine(
  db: Db,
  k: { mission: string; location: string; service: string; date: string },
): Promise<WaitlistRow | undefined> {
  const r = await sql<WaitlistRow>`
    select w.* from appointment_waitlist w
     where w.mission_code = ${k.mission} and w.location = ${k.location} and w.service = ${k.service}
       and w.status = 'waiting' and ${k.date}::date between w.from_date and w.to_date
       and not exists (
         select 1 from appointments a
          where a.service = w.service and a.status in ('held','booked','checked_in','called','serving')
            and (a.passport_digest = w.passport_digest or a.user_id = w.user_id))
     order by w.created_at, w.id
     limit 1
     for update skip locked`.execute(db)
  return r.rows[0]
}

/** Waiting entries of one service and place whose range has not ended, first in line first. */
export function waitingEntries(
  db: Db,
  k: { mission: string; location: string; service: string; today: string },
  limit = 500,
) {
  return db
    .selectFrom('appointment_waitlist')
    .selectAll()
    .where('mission_code', '=', k.mission)
    .where('location', '=', k.location)
    .where('service', '=', k.service)
    .where('status', '=', 'waiting')
    .where('to_date', '>=', k.today)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The entry, locked, if it still waits and its holder has no active booking of the service. */
export async function lockWaitingEntry(db: Db, id: string): Promise<WaitlistRow | undefined> {
  const r = await sql<WaitlistRow>`
    select w.* from appointment_waitlist w
     where w.id = ${id} and w.status = 'waiting'
       and not exists (
         select 1 from appointments a
          where a.service = w.service and a.status in ('held','booked','checked_in','called','serving')
            and (a.passport_digest = w.passport_digest or a.user_id = w.user_id))
     for update skip locked`.execute(db)
  return r.rows[0]
}

export async function setWaitlistStatus(db: Db, id: string, status: WaitlistRow['status']): Promise<void> {
  await db.updateTable('appointment_waitlist').set({ status }).where('id', '=', id).execute()
}

export function activeWaitlistOf(db: Db, userId: string) {
  return db
    .selectFrom('appointment_waitlist')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', 'in', ['waiting', 'offered'])
    .orderBy('created_at')
    .execute()
}

/** The person's waitlist entries, latest first (the last 100). */
export function waitlistOf(db: Db, userId: string) {
  return db
    .selectFrom('appointment_waitlist')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute()
}

export function findWaitlistEntry(db: Db, id: string, lock = false) {
  let q = db.selectFrom('appointment_waitlist').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}
