import { sql } from 'kysely'
import { solvedAltcha } from '../../helpers/appointments.ts'
import { dayFromToday } from '../../helpers/http.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import type { Builder } from './builder.ts'

interface Slot {
  start: string
  available: number
}

/**
 * A's bookings at the Tokyo embassy (one to keep, one to cancel, one for the manage link's
 * cancel), the manage link's signature, solved challenges for the routes that need one, and two
 * walk-in tickets with the first called.
 */
export async function addAppointments(b: Builder) {
  const app = b.rt.app
  await verifyEmailOfA(b)
  const slots = await b.made<Slot[]>(
    'anonymous',
    'GET',
    `/api/v1/missions/JP-TYO-EMB/slots?service=passport_renewal&from=${dayFromToday(3)}&to=${dayFromToday(20)}`,
    undefined,
    'Tokyo slots',
    200,
  )
  const free = slots.filter((s) => s.available > 0).map((s) => s.start)
  const book = async (service: string, start: string, what: string) =>
    b.made<{ id: string }>(
      'citizenA',
      'POST',
      '/api/v1/me/appointments',
      { mission: 'JP-TYO-EMB', service, start, altcha: await solvedAltcha(app, b.cookies.citizenA) },
      what,
    )
  const kept = await book('passport_renewal', free[0] ?? '', "A's booking")
  const spare = await book('travel_document', free[0] ?? '', "A's booking to cancel")
  const linked = await book('passport_replacement', free[0] ?? '', "A's booking to cancel by its link")
  const message = await b.rt.ctx.db
    .selectFrom('messages')
    .select('link')
    .where('about_id', 'in', [kept.id, linked.id])
    .execute()
  const sigOf = (id: string) => {
    const link = message.map((m) => m.link ?? '').find((l) => l.includes(id)) ?? ''
    return new URL(link, 'http://x').searchParams.get('sig') ?? ''
  }
  for (let i = 0; i < 2; i++)
    await b.made('officerTokyo', 'POST', '/api/v1/missions/JP-TYO-EMB/queue/walk-ins', {}, 'a walk-in ticket')
  await b.made(
    'officerTokyo',
    'POST',
    '/api/v1/missions/JP-TYO-EMB/queue/next',
    { counter: 2 },
    'calling W001',
    200,
  )
  // Far from every booking's day, so that no cancellation in the matrix hands A a place from it.
  const waiting = await b.made<{ id: string }>(
    'citizenA',
    'POST',
    '/api/v1/me/appointments/waitlist',
    {
      mission: 'JP-TYO-EMB',
      service: 'passport_first',
      from: dayFromToday(40),
      to: dayFromToday(45),
      altcha: await solvedAltcha(app, b.cookies.citizenA),
    },
    "A's waitlist entry",
  )
  return {
    appointmentA: kept.id,
    waitlistA: waiting.id,
    appointmentADate: (free[0] ?? '').slice(0, 10),
    appointmentASig: sigOf(kept.id),
    appointmentASpare: spare.id,
    appointmentALinked: linked.id,
    appointmentALinkedSig: sigOf(linked.id),
    appointmentMoveTo: free[1] ?? '',
    altchaBookA: await solvedAltcha(app, b.cookies.citizenA),
    altchaWaitA: await solvedAltcha(app, b.cookies.citizenA),
    altchaMove: await solvedAltcha(app),
  }
}

/**
 * A has proved the account's e-mail, which booking asks for (as the demo seed marks its citizen;
 * the link's own flow is tested in booking.email.test.ts and the browser test).
 */
async function verifyEmailOfA(b: Builder): Promise<void> {
  await sql`update users set email_verified_at = now() where email = ${TOKYO_PERSON.email}`.execute(
    b.rt.ctx.db,
  )
}
