import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import {
  citizenWithPassport,
  markEmailVerified,
  noonZone,
  solvedAltcha,
} from '../../../test/helpers/appointments.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { passExpiredHold } from './handover.ts'
import { addDays, localDate } from './zoned-time.ts'

const { runtime, staff, call } = withDemoRuntime({ env: { ALTCHA_MAX_NUMBER: '1000' } })
const app = () => runtime().app
const MISSION = 'JP-TYO-EMB'

/** A calendar of its own per test (a location of the Tokyo mission), open every day. */
async function calendarAt(location: string, overrides: Record<string, unknown> = {}) {
  const body = {
    timezone: 'Asia/Tokyo',
    services: [
      { service: 'passport_renewal', slotMinutes: 30, capacity: 3 },
      { service: 'vaccination', slotMinutes: 15, capacity: 1 },
      { service: 'travel_document', slotMinutes: 30, capacity: 2 },
      { service: 'passport_first', slotMinutes: 30, capacity: 2 },
    ],
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '09:00', closes: '12:00' })),
    closedDates: [],
    horizonDays: 30,
    minNoticeHours: 0,
    ...overrides,
  }
  const res = await call(
    'PUT',
    `/api/v1/missions/${MISSION}/calendar?location=${location}`,
    staff.officerTokyo,
    body,
  )
  expect(res.statusCode, res.body).toBe(200)
  return body
}

function book(cookie: string, payload: Record<string, unknown>, from = '127.0.0.1') {
  return app().inject({
    method: 'POST',
    url: '/api/v1/me/appointments',
    headers: { cookie },
    payload,
    remoteAddress: from,
  })
}

const tomorrowTokyo = () => addDays(localDate(Date.now(), 'Asia/Tokyo'), 1)

describe('calendars and slots', () => {
  it('officers of the mission and admins set the hours; another mission is 404; slots carry the offset', async () => {
    const body = await calendarAt('hall-a', { closedDates: [addDays(tomorrowTokyo(), 1)] })
    const got = await call('GET', `/api/v1/missions/${MISSION}/calendar?location=hall-a`, staff.admin)
    expect(got.statusCode, got.body).toBe(200)
    expect(got.json()).toMatchObject({ timezone: 'Asia/Tokyo', horizonDays: 30, bufferMinutes: 0 })
    expectProblem(
      await call('PUT', `/api/v1/missions/${MISSION}/calendar?location=hall-a`, staff.officerParis, body),
      404,
      'appointment.unknown_mission',
    )
    expectProblem(
      await call('GET', `/api/v1/missions/${MISSION}/calendar`, staff.officerParis),
      404,
      'appointment.unknown_mission',
    )
    expectProblem(
      await call('PUT', `/api/v1/missions/${MISSION}/calendar?location=hall-a`, staff.officerTokyo, {
        ...body,
        timezone: 'Mars/Base',
      }),
      400,
      'appointment.bad_timezone',
    )
    const day = tomorrowTokyo()
    const to = addDays(day, 1)
    const slots = await call(
      'GET',
      `/api/v1/missions/${MISSION}/slots?service=passport_renewal&from=${day}&to=${to}&location=hall-a`,
    )
    expect(slots.statusCode, slots.body).toBe(200)
    // 09:00–12:00 in 30 minutes: six a day; the day after is closed.
    expect(slots.json()).toHaveLength(6)
    expect(slots.json()[0]).toEqual({
      start: `${day}T09:00:00+09:00`,
      end: `${day}T09:30:00+09:00`,
      capacity: 3,
      available: 3,
    })
    expectProblem(
      await call(
        'GET',
        `/api/v1/missions/${MISSION}/slots?service=passport_replacement&from=${day}&to=${day}&location=hall-a`,
      ),
      404,
      'appointment.service_unavailable',
    )
  })

  it('the demo missions have a calendar: slots in Paris time across a clock change', async () => {
    const res = await call(
      'GET',
      '/api/v1/missions/FR-PAR-EMB/slots?service=vaccination&from=2027-03-26&to=2027-03-29',
    )
    expect(res.statusCode, res.body).toBe(200)
    const starts = res.json().map((s: { start: string }) => s.start)
    expect(starts).toContain('2027-03-26T09:00:00+01:00')
    expect(starts).toContain('2027-03-29T09:00:00+02:00')
    expect(starts.some((s: string) => s.startsWith('2027-03-27'))).toBe(false)
  })
})

describe('booking', () => {
  it('needs the passport in the profile, a fresh solved challenge, a slot within the hours; one per service', async () => {
    await calendarAt('hall-b')
    const start = `${tomorrowTokyo()}T10:00:00+09:00`
    const nobody = await registerCitizen(app())
    const nobodyBooks = () =>
      book(nobody.cookie, {
        mission: MISSION,
        location: 'hall-b',
        service: 'passport_renewal',
        start,
        altcha: 'x',
      })
    // Neither the e-mail nor a phone proved: refused before anything else, the waitlist too.
    expectProblem(await nobodyBooks(), 403, 'appointment.unverified')
    expectProblem(
      await call('POST', '/api/v1/me/appointments/waitlist', nobody.cookie, {
        mission: MISSION,
        location: 'hall-b',
        service: 'passport_renewal',
        from: tomorrowTokyo(),
        to: tomorrowTokyo(),
        altcha: 'x',
      }),
      403,
      'appointment.unverified',
    )
    await markEmailVerified(runtime().ctx, nobody.userId)
    expectProblem(await nobodyBooks(), 422, 'appointment.identity_missing')
    const me = await citizenWithPassport(runtime())
    const base = { mission: MISSION, location: 'hall-b', service: 'passport_renewal', start }
    expectProblem(
      await book(me.cookie, { ...base, altcha: 'bm90IGEgc29sdXRpb24=' }),
      403,
      'appointment.challenge',
    )
    expectProblem(
      await book(me.cookie, {
        ...base,
        start: `${tomorrowTokyo()}T13:00:00+09:00`,
        altcha: await solvedAltcha(app()),
      }),
      422,
      'appointment.outside_hours',
    )
    expectProblem(
      await book(me.cookie, {
        ...base,
        start: `${addDays(tomorrowTokyo(), 40)}T10:00:00+09:00`,
        altcha: await solvedAltcha(app()),
      }),
      422,
      'appointment.outside_horizon',
    )
    const altcha = await solvedAltcha(app())
    const res = await book(me.cookie, { ...base, altcha })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'booked',
      start,
      end: `${tomorrowTokyo()}T10:30:00+09:00`,
      mission: MISSION,
      service: 'passport_renewal',
    })
    expect(res.json().code).toMatch(/^[A-Z2-9]{8}$/)
    // The same solution twice: spent.
    const other = await citizenWithPassport(runtime())
    expectProblem(await book(other.cookie, { ...base, altcha }), 403, 'appointment.challenge')
    // A second active booking for the service.
    expectProblem(
      await book(me.cookie, {
        ...base,
        start: `${tomorrowTokyo()}T11:00:00+09:00`,
        altcha: await solvedAltcha(app()),
      }),
      409,
      'appointment.limit',
    )
    const mine = await call('GET', '/api/v1/me/appointments', me.cookie)
    expect(mine.json()).toEqual([expect.objectContaining({ id: res.json().id, status: 'booked' })])
    // The confirmation is in the inbox; its e-mail carries the .ics.
    const inbox = await call('GET', '/api/v1/me/inbox', me.cookie)
    expect(JSON.stringify(inbox.json())).toContain('Appointment booked')
    const msg = await runtime()
      .ctx.db.selectFrom('messages')
      .select(['attachments', 'link'])
      .where('about_id', '=', res.json().id)
      .executeTakeFirstOrThrow()
    expect(msg.attachments?.[0]).toMatchObject({ contentType: 'text/calendar' })
    expect(msg.attachments?.[0]?.content).toContain('BEGIN:VEVENT')
    // The manage link works without a session.
    const manage = await call(
      'GET',
      `/api/v1/public/appointments${msg.link?.replace('/appointments/manage', '')}`,
    )
    expect(manage.statusCode, manage.body).toBe(200)
    expectProblem(
      await call('GET', `/api/v1/public/appointments/${res.json().id}?sig=AAAAAAAAAAAAAAAAAAAAAA`),
      404,
      'appointment.not_found',
    )
  })

  it("carries an application only when it is the citizen's own, for that service at that mission", async () => {
    await calendarAt('hall-k')
    const start = `${tomorrowTokyo()}T09:00:00+09:00`
    const me = await citizenWithPassport(runtime())
    const other = await citizenWithPassport(runtime())
    const apply = async (cookie: string, service: string) => {
      const res = await call('POST', '/api/v1/me/applications', cookie, { service, mission: MISSION })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().id as string
    }
    const mine = await apply(me.cookie, 'passport_renewal')
    const theirs = await apply(other.cookie, 'passport_renewal')
    const travel = await apply(me.cookie, 'travel_document')
    const withApplication = async (applicationId: string) =>
      book(me.cookie, {
        mission: MISSION,
        location: 'hall-k',
        service: 'passport_renewal',
        start,
        applicationId,
        altcha: await solvedAltcha(app()),
      })
    for (const id of [theirs, travel, '0190a0a0-0000-7000-8000-000000000000'])
      expectProblem(await withApplication(id), 422, 'appointment.bad_application')
    const res = await withApplication(mine)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ applicationId: mine, status: 'booked' })
  })

  // Making 100 verified citizens with solved challenges takes minutes on a busy shared machine.
  it('never books more than the capacity: 100 people at once for a slot of 3', {
    timeout: 360_000,
  }, async () => {
    await calendarAt('hall-c')
    const start = `${tomorrowTokyo()}T09:30:00+09:00`
    const people = []
    for (let i = 0; i < 100; i++) {
      const p = await citizenWithPassport(runtime())
      people.push({ ...p, altcha: await solvedAltcha(app()) })
    }
    const answers = await Promise.all(
      people.map((p, i) =>
        book(
          p.cookie,
          { mission: MISSION, location: 'hall-c', service: 'passport_renewal', start, altcha: p.altcha },
          `10.9.${Math.floor(i / 200)}.${i % 200}`,
        ),
      ),
    )
    const statuses = answers.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(97)
    for (const r of answers.filter((r) => r.statusCode === 409))
      expect(r.json().code).toBe('appointment.slot_full')
    const slots = await call(
      'GET',
      `/api/v1/missions/${MISSION}/slots?service=passport_renewal&from=${tomorrowTokyo()}&to=${tomorrowTokyo()}&location=hall-c`,
    )
    expect(slots.json().find((s: { start: string }) => s.start === start)).toMatchObject({
      capacity: 3,
      available: 0,
    })
  })
})

describe('cancellation and the waitlist', () => {
  it('a cancellation holds the place for the first in line, who confirms; an unconfirmed hold passes on at expiry', async () => {
    await calendarAt('hall-d')
    const day = tomorrowTokyo()
    const start = `${day}T09:00:00+09:00`
    const holder = await citizenWithPassport(runtime())
    const booked = await book(holder.cookie, {
      mission: MISSION,
      location: 'hall-d',
      service: 'vaccination',
      start,
      altcha: await solvedAltcha(app()),
    })
    expect(booked.statusCode, booked.body).toBe(201)
    const first = await citizenWithPassport(runtime())
    const second = await citizenWithPassport(runtime())
    for (const w of [first, second]) {
      expectProblem(
        await call('POST', '/api/v1/me/appointments/waitlist', w.cookie, {
          mission: MISSION,
          location: 'hall-d',
          service: 'vaccination',
          from: day,
          to: day,
          altcha: 'bad',
        }),
        403,
        'appointment.challenge',
      )
      const res = await call('POST', '/api/v1/me/appointments/waitlist', w.cookie, {
        mission: MISSION,
        location: 'hall-d',
        service: 'vaccination',
        from: day,
        to: addDays(day, 2),
        altcha: await solvedAltcha(app()),
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const del = await call('DELETE', `/api/v1/me/appointments/${booked.json().id}`, holder.cookie)
    expect(del.statusCode, del.body).toBe(204)
    const slots = () =>
      call(
        'GET',
        `/api/v1/missions/${MISSION}/slots?service=vaccination&from=${day}&to=${day}&location=hall-d`,
      )
    expect((await slots()).json()[0]).toMatchObject({ start, available: 0 })
    const firstHold = (await call('GET', '/api/v1/me/appointments', first.cookie)).json()[0]
    expect(firstHold).toMatchObject({ status: 'held', start })
    expect(firstHold.holdExpiresAt).toBeTruthy()
    // The first in line lets it lapse: at expiry it passes to the second.
    await runtime()
      .ctx.db.updateTable('appointments')
      .set({ hold_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', firstHold.id)
      .execute()
    expect(await passExpiredHold(runtime().ctx, firstHold.id)).toBe(true)
    expect(await passExpiredHold(runtime().ctx, firstHold.id)).toBe(false)
    expect((await call('GET', '/api/v1/me/appointments', first.cookie)).json()[0].status).toBe('lapsed')
    const secondHold = (await call('GET', '/api/v1/me/appointments', second.cookie)).json()[0]
    expect(secondHold.status).toBe('held')
    const confirmed = await call('POST', `/api/v1/me/appointments/${secondHold.id}/confirm`, second.cookie)
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'booked', start, holdExpiresAt: null })
    // Nobody waits now: the next cancellation frees the place at once.
    expect((await call('DELETE', `/api/v1/me/appointments/${secondHold.id}`, second.cookie)).statusCode).toBe(
      204,
    )
    expect((await slots()).json()[0]).toMatchObject({ start, available: 1 })
    expectProblem(
      await call('DELETE', `/api/v1/me/appointments/${secondHold.id}`, first.cookie),
      404,
      'appointment.not_found',
    )
  })

  it('the manage link moves a booking without a session', async () => {
    await calendarAt('hall-e')
    const day = tomorrowTokyo()
    const me = await citizenWithPassport(runtime())
    const res = await book(me.cookie, {
      mission: MISSION,
      location: 'hall-e',
      service: 'passport_renewal',
      start: `${day}T09:00:00+09:00`,
      altcha: await solvedAltcha(app()),
    })
    const msg = await runtime()
      .ctx.db.selectFrom('messages')
      .select('link')
      .where('about_id', '=', res.json().id)
      .executeTakeFirstOrThrow()
    const sig = new URL(msg.link ?? '', 'http://x').searchParams.get('sig')
    const moved = await call(
      'POST',
      `/api/v1/public/appointments/${res.json().id}/move?sig=${sig}`,
      undefined,
      {
        start: `${day}T11:30:00+09:00`,
        altcha: await solvedAltcha(app()),
      },
    )
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ status: 'booked', start: `${day}T11:30:00+09:00` })
    const cancel = await call('POST', `/api/v1/public/appointments/${res.json().id}/cancel?sig=${sig}`)
    expect(cancel.statusCode, cancel.body).toBe(204)
  })
})

describe('places freed or added go to the waitlist', () => {
  const join = async (cookie: string, location: string, service: string, day: string) => {
    const res = await call('POST', '/api/v1/me/appointments/waitlist', cookie, {
      mission: MISSION,
      location,
      service,
      from: day,
      to: day,
      altcha: await solvedAltcha(app()),
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  const mine = async (cookie: string) =>
    (await call('GET', '/api/v1/me/appointments', cookie)).json() as { status: string; start: string }[]

  it('a raised capacity and new opening hours hold the added places for those waiting, in order', async () => {
    const body = await calendarAt('hall-i')
    const day = tomorrowTokyo()
    // The one vaccination place of 09:00 … 11:45 is taken: the whole day is full.
    const slots = (
      await call(
        'GET',
        `/api/v1/missions/${MISSION}/slots?service=vaccination&from=${day}&to=${day}&location=hall-i`,
      )
    ).json() as { start: string }[]
    for (const s of slots) {
      const p = await citizenWithPassport(runtime())
      const r = await book(p.cookie, {
        mission: MISSION,
        location: 'hall-i',
        service: 'vaccination',
        start: s.start,
        altcha: await solvedAltcha(app()),
      })
      expect(r.statusCode, r.body).toBe(201)
    }
    const waiting = [
      await citizenWithPassport(runtime()),
      await citizenWithPassport(runtime()),
      await citizenWithPassport(runtime()),
    ]
    for (const w of waiting) await join(w.cookie, 'hall-i', 'vaccination', day)
    const services = (capacity: number) =>
      body.services.map((s) => (s.service === 'vaccination' ? { ...s, capacity } : s))
    // An unrelated edit (another service's capacity) offers nothing.
    const unrelated = await call(
      'PUT',
      `/api/v1/missions/${MISSION}/calendar?location=hall-i`,
      staff.officerTokyo,
      {
        ...body,
        services: body.services.map((s) => (s.service === 'travel_document' ? { ...s, capacity: 5 } : s)),
      },
    )
    expect(unrelated.statusCode, unrelated.body).toBe(200)
    for (const w of waiting) expect(await mine(w.cookie)).toEqual([])
    // One more counter for vaccination: the first in line gets the earliest added place.
    const raised = await call(
      'PUT',
      `/api/v1/missions/${MISSION}/calendar?location=hall-i`,
      staff.officerTokyo,
      { ...body, services: services(2) },
    )
    expect(raised.statusCode, raised.body).toBe(200)
    const [first, second, third] = waiting as [(typeof waiting)[0], (typeof waiting)[0], (typeof waiting)[0]]
    expect(await mine(first.cookie)).toEqual([
      expect.objectContaining({ status: 'held', start: `${day}T09:00:00+09:00` }),
    ])
    // Each waits for one place: the second and third got the next added places.
    expect(await mine(second.cookie)).toEqual([
      expect.objectContaining({ status: 'held', start: `${day}T09:15:00+09:00` }),
    ])
    expect(await mine(third.cookie)).toEqual([
      expect.objectContaining({ status: 'held', start: `${day}T09:30:00+09:00` }),
    ])
    // Saving the same calendar again adds nothing and offers nothing more.
    const again = await call(
      'PUT',
      `/api/v1/missions/${MISSION}/calendar?location=hall-i`,
      staff.officerTokyo,
      { ...body, services: services(2) },
    )
    expect(again.statusCode, again.body).toBe(200)
    const held = await runtime()
      .ctx.db.selectFrom('appointments')
      .select('id')
      .where('location', '=', 'hall-i')
      .where('status', '=', 'held')
      .execute()
    expect(held).toHaveLength(3)
    const slotsNow = (
      await call(
        'GET',
        `/api/v1/missions/${MISSION}/slots?service=vaccination&from=${day}&to=${day}&location=hall-i`,
      )
    ).json() as { start: string; capacity: number; available: number }[]
    expect(slotsNow.slice(0, 4).map((s) => s.available)).toEqual([0, 0, 0, 1])
    // New opening hours in the afternoon: a newcomer on the waitlist is offered 14:00.
    const later = await citizenWithPassport(runtime())
    await join(later.cookie, 'hall-i', 'vaccination', day)
    const afternoon = await call(
      'PUT',
      `/api/v1/missions/${MISSION}/calendar?location=hall-i`,
      staff.officerTokyo,
      {
        ...body,
        services: services(2),
        weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
          { day: d, opens: '09:00', closes: '12:00' },
          { day: d, opens: '14:00', closes: '15:00' },
        ]),
      },
    )
    expect(afternoon.statusCode, afternoon.body).toBe(200)
    // 09:45 has a free place left from the raise, but it was not added by this edit: 14:00 was.
    expect(await mine(later.cookie)).toEqual([
      expect.objectContaining({ status: 'held', start: `${day}T14:00:00+09:00` }),
    ])
  })

  it('moving a booking by its link hands its old place to the first in line', async () => {
    await calendarAt('hall-j')
    const day = tomorrowTokyo()
    const start = `${day}T09:00:00+09:00`
    const holder = await citizenWithPassport(runtime())
    const res = await book(holder.cookie, {
      mission: MISSION,
      location: 'hall-j',
      service: 'vaccination',
      start,
      altcha: await solvedAltcha(app()),
    })
    expect(res.statusCode, res.body).toBe(201)
    const waiter = await citizenWithPassport(runtime())
    await join(waiter.cookie, 'hall-j', 'vaccination', day)
    const msg = await runtime()
      .ctx.db.selectFrom('messages')
      .select('link')
      .where('about_id', '=', res.json().id)
      .executeTakeFirstOrThrow()
    const sig = new URL(msg.link ?? '', 'http://x').searchParams.get('sig')
    const moved = await call(
      'POST',
      `/api/v1/public/appointments/${res.json().id}/move?sig=${sig}`,
      undefined,
      { start: `${day}T10:00:00+09:00`, altcha: await solvedAltcha(app()) },
    )
    expect(moved.statusCode, moved.body).toBe(200)
    expect(await mine(waiter.cookie)).toEqual([expect.objectContaining({ status: 'held', start })])
    // The waiter sees the entry offered, and leaving it declines the held place: free again.
    const entries = (await call('GET', '/api/v1/me/appointments/waitlist', waiter.cookie)).json()
    expect(entries).toEqual([
      expect.objectContaining({ location: 'hall-j', service: 'vaccination', status: 'offered' }),
    ])
    expectProblem(
      await call('DELETE', `/api/v1/me/appointments/waitlist/${entries[0].id}`, holder.cookie),
      404,
      'appointment.not_found',
    )
    const left = await call('DELETE', `/api/v1/me/appointments/waitlist/${entries[0].id}`, waiter.cookie)
    expect(left.statusCode, left.body).toBe(204)
    expect(await mine(waiter.cookie)).toEqual([expect.objectContaining({ status: 'cancelled' })])
    expect((await call('GET', '/api/v1/me/appointments/waitlist', waiter.cookie)).json()[0].status).toBe(
      'cancelled',
    )
    expectProblem(
      await call('DELETE', `/api/v1/me/appointments/waitlist/${entries[0].id}`, waiter.cookie),
      409,
      'appointment.bad_transition',
    )
    const slots = await call(
      'GET',
      `/api/v1/missions/${MISSION}/slots?service=vaccination&from=${day}&to=${day}&location=hall-j`,
    )
    expect(slots.json()[0]).toMatchObject({ start, available: 1 })
    // A waiting entry is simply left.
    await join(holder.cookie, 'hall-j', 'vaccination', addDays(day, 1))
    const own = (await call('GET', '/api/v1/me/appointments/waitlist', holder.cookie)).json()
    expect(own[0]).toMatchObject({ status: 'waiting' })
    expect(
      (await call('DELETE', `/api/v1/me/appointments/waitlist/${own[0].id}`, holder.cookie)).statusCode,
    ).toBe(204)
  })

  it("lists a mission's locations, the main counter hall first, with what each books", async () => {
    await calendarAt('hall-l', { services: [{ service: 'vaccination', slotMinutes: 15, capacity: 2 }] })
    const res = await call('GET', `/api/v1/missions/${MISSION}/locations`)
    expect(res.statusCode, res.body).toBe(200)
    const list = res.json() as { location: string; timezone: string; services: string[] }[]
    expect(list[0]).toMatchObject({ location: 'main', timezone: 'Asia/Tokyo' })
    expect(list[0]?.services).toContain('passport_renewal')
    expect(list.find((l) => l.location === 'hall-l')).toEqual({
      location: 'hall-l',
      timezone: 'Asia/Tokyo',
      services: ['vaccination'],
    })
    expectProblem(await call('GET', '/api/v1/missions/XX-NOPE/locations'), 404, 'appointment.unknown_mission')
  })
})

describe('no-shows', () => {
  it('three in 90 days suspend online booking; the counter lifts it', async () => {
    await calendarAt('hall-f')
    const day = tomorrowTokyo()
    const me = await citizenWithPassport(runtime())
    const ids: string[] = []
    for (const service of ['passport_renewal', 'travel_document', 'passport_first']) {
      const r = await book(me.cookie, {
        mission: MISSION,
        location: 'hall-f',
        service,
        start: `${day}T10:00:00+09:00`,
        altcha: await solvedAltcha(app()),
      })
      expect(r.statusCode, r.body).toBe(201)
      ids.push(r.json().id)
    }
    // Ten days pass without them coming.
    await sql`update appointments set starts_at = starts_at - interval '11 days', ends_at = ends_at - interval '11 days' where id = any(${ids}::uuid[])`.execute(
      runtime().ctx.db,
    )
    const mine = (await call('GET', '/api/v1/me/appointments', me.cookie)).json()
    expect(mine.map((a: { status: string }) => a.status)).toEqual(['no_show', 'no_show', 'no_show'])
    const again = {
      mission: MISSION,
      location: 'hall-f',
      service: 'passport_renewal',
      start: `${day}T10:30:00+09:00`,
    }
    expectProblem(
      await book(me.cookie, { ...again, altcha: await solvedAltcha(app()) }),
      403,
      'appointment.suspended',
    )
    const lift = await call('POST', `/api/v1/appointments/${ids[0]}/lift-suspension`, staff.officerTokyo)
    expect(lift.statusCode, lift.body).toBe(204)
    expect((await book(me.cookie, { ...again, altcha: await solvedAltcha(app()) })).statusCode).toBe(201)
  })
})

describe('the day at the mission', () => {
  it('check-in on the day gives a ticket; the counter calls it; statuses move to done; the board and my booking show it', async () => {
    const tz = noonZone()
    const today = localDate(Date.now(), tz)
    await calendarAt('hall-g', {
      timezone: tz,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
    })
    const slots = (
      await call(
        'GET',
        `/api/v1/missions/${MISSION}/slots?service=passport_renewal&from=${today}&to=${addDays(today, 1)}&location=hall-g`,
      )
    ).json()
    const todays = slots.filter(
      (s: { start: string; available: number }) => s.available > 0 && s.start.startsWith(today),
    )
    const later = slots.find(
      (s: { start: string; available: number }) => s.available > 0 && !s.start.startsWith(today),
    )
    const me = await citizenWithPassport(runtime())
    const res = await book(me.cookie, {
      mission: MISSION,
      location: 'hall-g',
      service: 'passport_renewal',
      start: todays[0].start,
      altcha: await solvedAltcha(app()),
    })
    expect(res.statusCode, res.body).toBe(201)
    const other = await citizenWithPassport(runtime())
    const tomorrow = await book(other.cookie, {
      mission: MISSION,
      location: 'hall-g',
      service: 'passport_renewal',
      start: later.start,
      altcha: await solvedAltcha(app()),
    })
    expectProblem(
      await call('POST', `/api/v1/appointments/${tomorrow.json().id}/check-in`, staff.officerTokyo),
      409,
      'appointment.not_today',
    )
    expectProblem(
      await call('POST', `/api/v1/appointments/${res.json().id}/check-in`, staff.officerParis),
      404,
      'appointment.not_found',
    )
    const day = await call(
      'GET',
      `/api/v1/missions/${MISSION}/appointments?date=${today}&location=hall-g`,
      staff.officerTokyo,
    )
    expect(day.statusCode, day.body).toBe(200)
    expect(day.json()).toEqual([
      expect.objectContaining({ id: res.json().id, name: 'WANG FANG 王芳', status: 'booked' }),
    ])
    expectProblem(
      await call('GET', `/api/v1/missions/${MISSION}/appointments?date=${today}`, staff.officerParis),
      404,
      'appointment.unknown_mission',
    )
    const checkIn = await call('POST', `/api/v1/appointments/${res.json().id}/check-in`, staff.officerTokyo)
    expect(checkIn.statusCode, checkIn.body).toBe(200)
    expect(checkIn.json()).toEqual({ ticket: 'A001' })
    const walk = await call('POST', `/api/v1/missions/${MISSION}/queue/walk-ins`, staff.officerTokyo, {
      location: 'hall-g',
    })
    expect(walk.json()).toEqual({ ticket: 'W001' })
    const board0 = await call('GET', `/api/v1/public/missions/${MISSION}/queue?location=hall-g`)
    expect(board0.json()).toEqual({ called: [], waiting: 2 })
    const next = await call('POST', `/api/v1/missions/${MISSION}/queue/next`, staff.officerTokyo, {
      counter: 3,
      location: 'hall-g',
    })
    expect(next.statusCode, next.body).toBe(200)
    expect(next.json()).toEqual({ ticket: 'A001', appointmentId: res.json().id })
    const mine = (await call('GET', '/api/v1/me/appointments', me.cookie)).json()[0]
    expect(mine).toMatchObject({ status: 'called', ticket: 'A001', counter: 3 })
    const board = (await call('GET', `/api/v1/public/missions/${MISSION}/queue?location=hall-g`)).json()
    expect(board.waiting).toBe(1)
    expect(board.called[0]).toMatchObject({ ticket: 'A001', counter: 3 })
    const act = (action: string) =>
      call('POST', `/api/v1/missions/${MISSION}/queue/tickets/A001`, staff.officerTokyo, {
        action,
        location: 'hall-g',
      })
    expectProblem(await act('done'), 409, 'appointment.bad_transition')
    expect((await act('serve')).json()).toMatchObject({ status: 'serving' })
    expect((await act('done')).json()).toMatchObject({ status: 'done' })
    expect((await call('GET', '/api/v1/me/appointments', me.cookie)).json()[0].status).toBe('done')
    // The walk-in is called next, and missed after three calls.
    expect(
      (
        await call('POST', `/api/v1/missions/${MISSION}/queue/next`, staff.officerTokyo, {
          counter: 1,
          location: 'hall-g',
        })
      ).json(),
    ).toEqual({ ticket: 'W001' })
    const recall = () =>
      call('POST', `/api/v1/missions/${MISSION}/queue/tickets/W001`, staff.officerTokyo, {
        action: 'recall',
        location: 'hall-g',
      })
    expect((await recall()).json()).toMatchObject({ status: 'called', calls: 2 })
    expect((await recall()).json()).toMatchObject({ status: 'called', calls: 3 })
    expect((await recall()).json()).toMatchObject({ status: 'missed' })
    const figures = await call(
      'GET',
      `/api/v1/missions/${MISSION}/appointments/figures?from=${today}&to=${addDays(today, 1)}&location=hall-g`,
      staff.officerTokyo,
    )
    expect(figures.statusCode, figures.body).toBe(200)
    expect(figures.json()).toMatchObject({ bookings: 2, done: 1, cancelled: 0 })
    expect(figures.json().waitMinutes.p50).not.toBeNull()
    const csv = await call(
      'GET',
      `/api/v1/missions/${MISSION}/appointments/figures.csv?from=${today}&to=${today}&location=hall-g`,
      staff.officerTokyo,
    )
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.body.split('\r\n')[0]).toContain('utilisation,no_show_rate')
    expectProblem(
      await call('POST', `/api/v1/missions/${MISSION}/queue/next`, staff.officerTokyo, {
        counter: 1,
        location: 'hall-g',
      }),
      404,
      'appointment.queue_empty',
    )
  })

  it('the waiting room stream sends each call as {ticket, counter, at}', async () => {
    const tz = noonZone()
    const today = localDate(Date.now(), tz)
    await calendarAt('hall-h', {
      timezone: tz,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
    })
    const address = await app().listen({ port: 0, host: '127.0.0.1' })
    const controller = new AbortController()
    try {
      const res = await fetch(`${address}/api/v1/public/missions/${MISSION}/queue/events?location=hall-h`, {
        signal: controller.signal,
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      await reader.read() // the opening comment
      expect(
        (
          await call('POST', `/api/v1/missions/${MISSION}/queue/walk-ins`, staff.officerTokyo, {
            location: 'hall-h',
          })
        ).statusCode,
      ).toBe(201)
      await call('POST', `/api/v1/missions/${MISSION}/queue/next`, staff.officerTokyo, {
        counter: 7,
        location: 'hall-h',
      })
      let text = ''
      while (!text.includes('data:')) {
        const chunk = await reader.read()
        if (chunk.done) break
        text += new TextDecoder().decode(chunk.value)
      }
      const data = JSON.parse(text.slice(text.indexOf('data:') + 5).split('\n')[0] ?? '')
      expect(data).toMatchObject({ ticket: 'W001', counter: 7 })
      expect(data.at.startsWith(today)).toBe(true)
    } finally {
      controller.abort()
    }
  })
})
