import { sql, type Transaction, type Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Database, Db } from '../../database.ts'
import { ACTIVE_STATUSES, type AppointmentStatus } from './appointments.enums.ts'
import type { AppointmentRow, AppointmentsTable } from './appointments.table.ts'

export interface SlotKey {
  mission: string
  location: string
  service: string
  start: Date
  end: Date
  capacity: number
}

/** The slot's counter row, made on its first booking. */
export async function ensureSlot(db: Db, k: SlotKey): Promise<void> {
  await db
    .insertInto('appointment_slots')
    .values({
      id: uuidv7(),
      mission_code: k.mission,
      location: k.location,
      service: k.service,
      starts_at: k.start,
      ends_at: k.end,
      capacity: k.capacity,
    })
    .onConflict((oc) => oc.columns(['mission_code', 'location', 'service', 'starts_at']).doNothing())
    .execute()
}

/**
 * Takes one place of the slot: a single UPDATE that locks the counter row and adds one only while
 * booked + held stays within the capacity (the table's CHECK holds it too). The slot's id, or
 * undefined when it is full.
 */
export async function takePlace(db: Db, k: SlotKey, as: 'booked' | 'held'): Promise<string | undefined> {
  const r = await sql<{ id: string }>`
    update appointment_slots
       set booked = booked + ${as === 'booked' ? 1 : 0}, held = held + ${as === 'held' ? 1 : 0}
     where mission_code = ${k.mission} and location = ${k.location} and service = ${k.service}
       and starts_at = ${k.start} and booked + held < capacity
    returning id`.execute(db)
  return r.rows[0]?.id
}

/** Gives a place back (a cancellation, a lapsed hold) or turns a held place into a booked one. */
export async function releasePlace(db: Db, slotId: string, from: 'booked' | 'held'): Promise<void> {
  await sql`
    update appointment_slots set booked = booked - ${from === 'booked' ? 1 : 0}, held = held - ${from === 'held' ? 1 : 0}
     where id = ${slotId}`.execute(db)
}

/** A booked place given back and held at once for the first on the waitlist. */
export async function bookedToHeld(db: Db, slotId: string): Promise<void> {
  await sql`update appointment_slots set booked = booked - 1, held = held + 1 where id = ${slotId}`.execute(
    db,
  )
}

export async function heldToBooked(db: Db, slotId: string): Promise<void> {
  await sql`update appointment_slots set held = held - 1, booked = booked + 1 where id = ${slotId}`.execute(
    db,
  )
}

export async function lockSlot(db: Db, slotId: string) {
  return db
    .selectFrom('appointment_slots')
    .selectAll()
    .where('id', '=', slotId)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** An active booking of this person (by passport or account) for the service. */
export function findActive(db: Db, passportDigest: string, userId: string, service: string) {
  return db
    .selectFrom('appointments')
    .select(['id'])
    .where('service', '=', service)
    .where('status', 'in', ACTIVE_STATUSES)
    .where((eb) => eb.or([eb('passport_digest', '=', passportDigest), eb('user_id', '=', userId)]))
    .executeTakeFirst()
}

export async function insertAppointment(
  db: Db,
  row: Omit<AppointmentsTable, 'calls' | 'created_at' | 'updated_at' | 'reminded_at'>,
): Promise<AppointmentRow> {
  return db.insertInto('appointments').values(row).returningAll().executeTakeFirstOrThrow()
}

export function findAppointment(db: Db, id: string, lock = false) {
  let q = db.selectFrom('appointments').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** The place held for a waitlist entry, if it is still held. */
export function heldFor(db: Db, waitlistId: string) {
  return db
    .selectFrom('appointments')
    .select('id')
    .where('waitlist_id', '=', waitlistId)
    .where('status', '=', 'held')
    .executeTakeFirst()
}

export function findAppointmentByCode(db: Db, mission: string, code: string) {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('mission_code', '=', mission)
    .where('code', '=', code)
    .executeTakeFirst()
}

export function listOwn(db: Db, userId: string) {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}

export async function setStatus(
  db: Db,
  id: string,
  status: AppointmentStatus,
  extra: Omit<Updateable<AppointmentsTable>, 'status'> = {},
): Promise<AppointmentRow> {
  return db
    .updateTable('appointments')
    .set({ status, ...extra, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Bookings and cancellations of an account lately: what raises its challenge's cost and trips its limit. */
export async function recentActivity(db: Db, userId: string) {
  const r = await sql<{ cancelled: number; booked: number }>`
    select count(*) filter (where cancelled_at > now() - interval '1 day')::int as cancelled,
           count(*) filter (where created_at > now() - interval '1 minute')::int as booked
      from appointments where user_id = ${userId} and (cancelled_at > now() - interval '1 day' or created_at > now() - interval '1 minute')`.execute(
    db,
  )
  return r.rows[0] ?? { cancelled: 0, booked: 0 }
}

/** No-shows of a person (by passport) in the 90 days before now, and the last lift of a suspension. */
export async function noShowRecord(db: Db, passportDigest: string) {
  const r = await sql<{ n: number; last: Date | null }>`
    with lifted as (
      select max(lifted_at) as at from appointment_suspension_lifts where passport_digest = ${passportDigest})
    select count(*)::int as n, max(a.starts_at) as last
      from appointments a, lifted
     where a.passport_digest = ${passportDigest} and a.status = 'no_show'
       and a.starts_at > now() - interval '90 days' and (lifted.at is null or a.starts_at > lifted.at)`.execute(
    db,
  )
  return r.rows[0] ?? { n: 0, last: null }
}

export async function insertLift(db: Db, passportDigest: string, by: string): Promise<void> {
  await db
    .insertInto('appointment_suspension_lifts')
    .values({ id: uuidv7(), passport_digest: passportDigest, lifted_by: by })
    .execute()
}

/**
 * Booked appointments whose day has passed without a check-in become no-shows. Slots end at the
 * latest at midnight local; a whole day after the end is past every time zone's midnight.
 */
export async function markNoShows(trx: Transaction<Database> | Db): Promise<number> {
  const r = await sql`
    update appointments set status = 'no_show', updated_at = now()
     where status = 'booked' and ends_at < now() - interval '1 day'`.execute(trx)
  return Number(r.numAffectedRows ?? 0)
}

/** A fresh booking code: 8 letters and digits without the ones read alike (0/O, 1/I). */
export function newCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}
