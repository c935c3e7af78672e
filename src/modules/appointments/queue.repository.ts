import { sql, type Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../database.ts'
import type { AppointmentTicketsTable, TicketRow } from './appointments.table.ts'

export interface Place {
  mission: string
  location: string
  date: string
}

/** The next ticket of the day for a prefix ("A012"), counted in one upsert. */
export async function nextTicketNumber(db: Db, p: Place, prefix: 'A' | 'W'): Promise<string> {
  const r = await sql<{ last: number }>`
    insert into appointment_ticket_numbers (mission_code, location, local_date, prefix, last)
    values (${p.mission}, ${p.location}, ${p.date}::date, ${prefix}, 1)
    on conflict (mission_code, location, local_date, prefix) do update set last = appointment_ticket_numbers.last + 1
    returning last`.execute(db)
  return `${prefix}${String(r.rows[0]?.last ?? 1).padStart(3, '0')}`
}

export async function insertTicket(
  db: Db,
  p: Place,
  ticket: string,
  appointmentId: string | null,
): Promise<TicketRow> {
  return db
    .insertInto('appointment_tickets')
    .values({
      id: uuidv7(),
      mission_code: p.mission,
      location: p.location,
      local_date: p.date,
      ticket,
      appointment_id: appointmentId,
      status: 'waiting',
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The earliest checked-in ticket not yet called, locked (a concurrent call takes the next one). */
export async function earliestWaiting(db: Db, p: Place): Promise<TicketRow | undefined> {
  const r = await sql<TicketRow>`
    select * from appointment_tickets
     where mission_code = ${p.mission} and location = ${p.location} and local_date = ${p.date}::date
       and status = 'waiting'
     order by checked_in_at, ticket
     limit 1 for update skip locked`.execute(db)
  return r.rows[0]
}

export function findTicket(db: Db, p: Place, ticket: string) {
  return db
    .selectFrom('appointment_tickets')
    .selectAll()
    .where('mission_code', '=', p.mission)
    .where('location', '=', p.location)
    .where('local_date', '=', p.date)
    .where('ticket', '=', ticket)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateTicket(
  db: Db,
  id: string,
  set: Updateable<AppointmentTicketsTable>,
): Promise<TicketRow> {
  return db
    .updateTable('appointment_tickets')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Called tickets not served within the grace period: missed (their appointments too). */
export async function missOverdue(db: Db, p: Place, graceMinutes: number): Promise<void> {
  await sql`
    with gone as (
      update appointment_tickets set status = 'missed'
       where mission_code = ${p.mission} and location = ${p.location} and local_date = ${p.date}::date
         and status = 'called' and called_at < now() - make_interval(mins => ${graceMinutes})
      returning appointment_id)
    update appointments set status = 'missed', updated_at = now()
     where id in (select appointment_id from gone where appointment_id is not null) and status = 'called'`.execute(
    db,
  )
}

/** What the waiting room shows: the latest calls (called or being served) and how many still wait. */
export async function queueBoard(db: Db, p: Place) {
  const calledRows = await db
    .selectFrom('appointment_tickets')
    .select(['ticket', 'counter', 'called_at'])
    .where('mission_code', '=', p.mission)
    .where('location', '=', p.location)
    .where('local_date', '=', p.date)
    .where('status', 'in', ['called', 'serving'])
    .orderBy('called_at', 'desc')
    .limit(10)
    .execute()
  const waiting = await db
    .selectFrom('appointment_tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mission_code', '=', p.mission)
    .where('location', '=', p.location)
    .where('local_date', '=', p.date)
    .where('status', '=', 'waiting')
    .executeTakeFirst()
  return { called: calledRows, waiting: Number(waiting?.n ?? 0) }
}

/** Calls made after a moment (for the event stream), oldest first. */
export function callsSince(db: Db, mission: string, location: string, since: Date) {
  return db
    .selectFrom('appointment_tickets')
    .select(['ticket', 'counter', 'called_at'])
    .where('mission_code', '=', mission)
    .where('location', '=', location)
    .where('called_at', '>', since)
    .orderBy('called_at')
    .limit(100)
    .execute()
}

export function dayAppointments(db: Db, mission: string, location: string, from: Date, to: Date) {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('mission_code', '=', mission)
    .where('location', '=', location)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('status', 'not in', ['cancelled', 'lapsed'])
    .orderBy('starts_at')
    .orderBy('code')
    .execute()
}
