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

/**
 * Takes one place of the slot in one statement: the counter row is made with this place on the
 * slot's first booking, else locked and added to only while booked + held stays within the
 * capacity (the table's CHECK holds it too). The slot's id, or undefined when it is full.
 */
export async function takePlace(db: Db, k: SlotKey, as: 'booked' | 'held'): Promise<string | undefined> {
  const r = await sql<{ id: string }>`${upsertPlace(k, as)}`.execute(db)
  return r.rows[0]?.id
}

function upsertPlace(k: SlotKey, as: 'booked' | 'held', guard = sql`true`) {
  const booked = as === 'booked' ? 1 : 0
  const held = as === 'held' ? 1 : 0
  return sql`
    insert into appointment_slots (id, mission_code, location, service, starts_at, ends_at, capacity, booked, held)
    select ${uuidv7()}::uuid, ${k.mission}, ${k.location}, ${k.service}, ${k.start}::timestamptz, ${k.end}::timestamptz,
           ${k.capacity}::int, ${booked}::int, ${held}::int
     where ${guard}
    on conflict (mission_code, location, service, starts_at) do update
       set booked = appointment_slots.booked + ${booked}::int, held = appointment_slots.held + ${held}::int
     where appointment_slots.booked + appointment_slots.held < appointment_slots.capacity
    returning id`
}

export type NewAppointment = Omit<
  AppointmentsTable,
  'calls' | 'created_at' | 'updated_at' | 'reminded_at' | 'slot_id'
>

/**
 * A booking in one statement: spends the challenge's signature, takes a place of the slot (see
 * `takePlace`) and inserts the appointment, all or nothing. `spent` false: the signature was used
 * before; `appointment` undefined with `spent`: the slot is full. The one-active-booking indexes
 * raise a unique violation for a second booking of the service.
 */
export async function bookPlace(
  db: Db,
  challenge: { signature: string; expiresAt: Date },
  k: SlotKey,
  a: NewAppointment,
): Promise<{ spent: boolean; appointment: AppointmentRow | undefined }> {
  const r = await sql<AppointmentRow & { spent_n: number }>`
    with spent as (
      insert into appointment_challenges (signature, expires_at) values (${challenge.signature}, ${challenge.expiresAt})
      on conflict (signature) do nothing
      returning signature
    ), place as (${upsertPlace(k, 'booked', sql`exists (select 1 from spent)`)}
    ), made as (
      insert into appointments (id, code, user_id, slot_id, mission_code, location, service, starts_at, ends_at,
                                status, holder_name, passport_digest, passport_last4, application_id, waitlist_id,
                                hold_expires_at, ticket, counter, checked_in_at, called_at, served_at, done_at, cancelled_at)
      select ${a.id}::uuid, ${a.code}, ${a.user_id}::uuid, place.id, ${a.mission_code}, ${a.location}, ${a.service},
             ${a.starts_at}::timestamptz, ${a.ends_at}::timestamptz, ${a.status}, ${a.holder_name}, ${a.passport_digest},
             ${a.passport_last4}, ${a.application_id}::uuid, ${a.waitlist_id}::uuid, ${a.hold_expires_at}::timestamptz,
             ${a.ticket}, ${a.counter}::int, ${a.checked_in_at}::timestamptz, ${a.called_at}::timestamptz,
             ${a.served_at}::timestamptz, ${a.done_at}::timestamptz, ${a.cancelled_at}::timestamptz
        from place
      returning *
    )
    select (select count(*) from spent)::int as spent_n, made.*
      from (select 1) one left join made on true`.execute(db)
  const row = r.rows[0]
  if (!row) return { spent: false, appointment: undefined }
  const { spent_n, ...appointment } = row
  return { spent: spent_n > 0, appointment: appointment.id ? (appointment as AppointmentRow) : undefined }
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

/**
 * No-shows of a person (by passport) in the 90 days before now since the last lift of a suspension;
 * a booking whose day passed without a check-in counts before `markNoShows` has marked it.
 */
export async function noShowRecord(db: Db, passportDigest: string) {
  const r = await sql<{ n: number; last: Date | null }>`
    with lifted as (
      select max(lifted_at) as at from appointment_suspension_lifts where passport_digest = ${passportDigest})
    select count(*)::int as n, max(a.starts_at) as last
      from appointments a, lifted
     where a.passport_digest = ${passportDigest}
       and (a.status = 'no_show' or (a.status = 'booked' and a.ends_at < now() - interval '1 day'))
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
