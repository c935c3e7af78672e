import { dayFromToday } from '../../helpers/http.ts'
import type { Who } from '../principals.ts'
import type { Matrix } from './entry.ts'
import { CITIZENS, OFFICERS } from './roles.ts'

const tokyo = () => ({ code: 'JP-TYO-EMB' })
const notParis: readonly Who[] = ['officerParis']
const KEEPERS = ['officer', 'duty_officer', 'admin'] as const
/** B has proved neither an e-mail nor a phone (nor has a passport in the profile): no booking. */
const noPassport = { citizenB: { status: 403, code: 'appointment.unverified' } } as const

/** The demo calendar of the Tokyo embassy, as the seed writes it. */
const TOKYO_CALENDAR = {
  timezone: 'Asia/Tokyo',
  services: ['passport_renewal', 'passport_replacement', 'passport_first', 'travel_document']
    .map((service) => ({
      service,
      slotMinutes: 30,
      capacity: 2,
    }))
    .concat([{ service: 'vaccination', slotMinutes: 15, capacity: 3 }]),
  weekly: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, opens: '09:00', closes: '12:00' },
    { day, opens: '14:00', closes: '17:00' },
  ]),
  closedDates: [],
  horizonDays: 60,
  minNoticeHours: 24,
}

/** Calendars, slots, the challenge, a citizen's bookings and waitlist, the manage link, the day and the queue. */
export const appointmentsMatrix: Matrix = {
  'GET /api/v1/missions/{code}/calendar': { roles: KEEPERS, params: tokyo, notFound: notParis },
  'PUT /api/v1/missions/{code}/calendar': {
    roles: KEEPERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ body: TOKYO_CALENDAR }),
  },
  'GET /api/v1/missions/{code}/slots': {
    roles: 'public',
    params: tokyo,
    request: () => ({ query: { service: 'passport_renewal', from: dayFromToday(1), to: dayFromToday(14) } }),
  },
  'GET /api/v1/appointments/challenge': { roles: 'public' },
  'POST /api/v1/me/appointments': {
    roles: CITIZENS,
    refused: noPassport,
    request: (w) => ({
      body: {
        mission: 'JP-TYO-EMB',
        service: 'passport_first',
        start: w.ids.appointmentMoveTo,
        altcha: w.ids.altchaBookA,
      },
    }),
  },
  'GET /api/v1/me/appointments': { roles: CITIZENS },
  'DELETE /api/v1/me/appointments/{id}': {
    roles: CITIZENS,
    params: (ids) => ({ id: ids.appointmentASpare }),
    notFound: ['citizenB'],
  },
  'POST /api/v1/me/appointments/{id}/confirm': {
    roles: CITIZENS,
    params: (ids) => ({ id: ids.appointmentA }),
    notFound: ['citizenB'],
  },
  'POST /api/v1/me/appointments/waitlist': {
    roles: CITIZENS,
    refused: noPassport,
    request: (w) => ({
      body: {
        mission: 'JP-TYO-EMB',
        service: 'vaccination',
        from: dayFromToday(3),
        to: dayFromToday(10),
        altcha: w.ids.altchaWaitA,
      },
    }),
  },
  'GET /api/v1/me/appointments/waitlist': { roles: CITIZENS },
  'DELETE /api/v1/me/appointments/waitlist/{id}': {
    roles: CITIZENS,
    params: (ids) => ({ id: ids.waitlistA }),
    notFound: ['citizenB'],
    // The first leaves it; an entry that has ended cannot be left again.
    answers: [204, 409],
  },
  'GET /api/v1/missions/{code}/locations': { roles: 'public', params: tokyo },
  'GET /api/v1/public/appointments/{id}': {
    roles: 'public',
    params: (ids) => ({ id: ids.appointmentA }),
    request: (w) => ({ query: { sig: w.ids.appointmentASig } }),
  },
  'POST /api/v1/public/appointments/{id}/cancel': {
    roles: 'public',
    params: (ids) => ({ id: ids.appointmentALinked }),
    request: (w) => ({ query: { sig: w.ids.appointmentALinkedSig } }),
    // The first cancels it; a cancelled booking cannot be cancelled again.
    answers: [204, 409],
  },
  'POST /api/v1/public/appointments/{id}/move': {
    roles: 'public',
    params: (ids) => ({ id: ids.appointmentA }),
    request: (w) => ({
      query: { sig: w.ids.appointmentASig },
      body: { start: w.ids.appointmentMoveTo, altcha: w.ids.altchaMove },
    }),
    // One solution moves it once; the others find it spent.
    answers: [200, 403],
  },
  'POST /api/v1/public/appointments/{id}/confirm': {
    roles: 'public',
    params: (ids) => ({ id: ids.appointmentA }),
    request: (w) => ({ query: { sig: w.ids.appointmentASig } }),
  },
  'GET /api/v1/missions/{code}/appointments': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: (w) => ({ query: { date: w.ids.appointmentADate } }),
  },
  'POST /api/v1/appointments/{id}/check-in': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.appointmentA }),
    notFound: notParis,
    // Check-in is on the booking's day only.
    answers: [200, 409],
  },
  'POST /api/v1/appointments/{id}/lift-suspension': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.appointmentA }),
    notFound: notParis,
  },
  'POST /api/v1/missions/{code}/queue/walk-ins': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ body: {} }),
  },
  'POST /api/v1/missions/{code}/queue/next': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ body: { counter: 4 } }),
    // W002 waits for the first caller; then nobody does.
    answers: [200, 404],
  },
  'POST /api/v1/missions/{code}/queue/tickets/{ticket}': {
    roles: OFFICERS,
    params: () => ({ code: 'JP-TYO-EMB', ticket: 'W001' }),
    notFound: notParis,
    request: () => ({ body: { action: 'recall' } }),
    // Called again until the third call; then missed, and no more calls.
    answers: [200, 409],
  },
  'GET /api/v1/missions/{code}/appointments/figures': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ query: { from: dayFromToday(-30), to: dayFromToday(30) } }),
  },
  'GET /api/v1/missions/{code}/appointments/figures.csv': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ query: { from: dayFromToday(-30), to: dayFromToday(30) } }),
  },
  'GET /api/v1/public/missions/{code}/queue': { roles: 'public', params: tokyo },
  'GET /api/v1/public/missions/{code}/queue/events': { roles: 'public', params: tokyo },
}
