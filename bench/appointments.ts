// Appointments: `npm run bench -- appointments [--clients N] [--slots N] [--capacity N]
// [--listings N] [--engine embedded|server|both]`.
// 1. the proof of work: solving challenges at the default cost (ALTCHA_MAX_NUMBER 50,000) in Node;
// 2. a booking storm: N signed-in citizens, each with a solved challenge, all at once for S slots
//    of capacity C (clients spread evenly over the slots), against the app on a real port: bookings
//    made (must be S × C exactly), p50/p99 client and server times, 5xx;
// 3. slot listing: 60 days of a service, for 10 service calendars (5 services at 2 locations), p50/p99.
// The storm's challenges cost 100 (ALTCHA_MAX_NUMBER=100) so that solving 2,000 of them takes
// seconds; the server's work per booking does not depend on the cost. At most 200 requests are on
// the wire at once (more overflow the listen backlog); the rest wait their turn in the client.
import { createHash, randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { solveChallenge } from 'altcha-lib/v1'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { APPOINTMENT_SERVICES } from '../src/modules/appointments/appointments.enums.ts'
import { replaceCalendar } from '../src/modules/appointments/calendar.repository.ts'
import { addDays, localDate } from '../src/modules/appointments/zoned-time.ts'
import { insertCitizens } from '../src/modules/identity/index.ts'
import { insertProfiles, passportColumns } from '../src/modules/registrations/index.ts'
import { hashPassword } from '../src/platform/crypto/password.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { emit, note, printSummary, progress } from './registry/report.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    clients: { type: 'string', default: '2000' },
    slots: { type: 'string', default: '100' },
    capacity: { type: 'string', default: '3' },
    listings: { type: 'string', default: '300' },
    engine: { type: 'string', default: 'both' },
  },
})
const clients = Number(values.clients)
const slotCount = Number(values.slots)
const capacity = Number(values.capacity)
const listings = Number(values.listings)
const engines: EngineName[] =
  values.engine === 'both' ? ['server', 'embedded'] : [values.engine as EngineName]
const MISSION = 'JP-TYO-EMB'
const IN_FLIGHT = 200
const TZ = 'Asia/Tokyo'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return +(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1)
}

interface Challenge {
  algorithm: string
  challenge: string
  maxnumber: number
  salt: string
  signature: string
}

async function solve(c: Challenge): Promise<string> {
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise
  if (!s) throw new Error('unsolved')
  const payload = {
    algorithm: c.algorithm,
    challenge: c.challenge,
    number: s.number,
    salt: c.salt,
    signature: c.signature,
  }
  return Buffer.from(JSON.stringify(payload)).toString('base64')
}

async function bench(engine: EngineName): Promise<void> {
  const db = await createBenchDatabase(engine)
  const env = {
    ...db.env,
    RATE_LIMIT_API_PER_MINUTE: '10000000',
    APPOINTMENT_BOOKINGS_PER_MINUTE: '10000000',
    ALTCHA_MAX_NUMBER: '100',
    MFA_REQUIRED: 'false',
    LOG_LEVEL: 'warn',
  }
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    progress(`${engine}: preparing the database`)
    await prepareRuntime(rt, { demo: false })
    const ctx = rt.ctx
    const app = await buildApp(ctx, { readiness: { ready: true, stage: 'ready' }, logger: false })
    const serverTimes: number[] = []
    let measuring = false
    app.addHook('onResponse', async (_request, reply) => {
      if (measuring) serverTimes.push(reply.elapsedTime)
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

    // The storm's calendar: open all day, every day, slots of 30 minutes with the capacity asked.
    const admin = uuidv7()
    await insertCitizens(
      ctx.db,
      [{ id: admin, email: `bench.admin.${Date.now()}@example.org`, name: 'Bench', locale: 'en' }],
      'x',
    )
    const allDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' }))
    const calendar = (location: string) =>
      replaceCalendar(ctx.db, {
        mission: MISSION,
        location,
        timezone: TZ,
        weekly: allDay,
        closedDates: [],
        horizonDays: 60,
        minNoticeHours: 0,
        bufferMinutes: 0,
        services: APPOINTMENT_SERVICES.map((service) => ({ service, slotMinutes: 30, capacity })),
        updatedBy: admin,
      })
    await calendar('main')
    await calendar('clinic')
    const firstDay = addDays(localDate(Date.now(), TZ), 2)
    const starts = Array.from({ length: slotCount }, (_, i) => {
      const day = addDays(firstDay, Math.floor(i / 48))
      const m = (i % 48) * 30
      return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+09:00`
    })

    progress(`${engine}: ${clients} citizens with passports and sessions`)
    const people = Array.from({ length: clients }, (_, i) => ({
      id: uuidv7(),
      i,
      token: randomBytes(24).toString('base64url'),
    }))
    const tag = Date.now()
    await insertCitizens(
      ctx.db,
      people.map((p) => ({
        id: p.id,
        email: `bench.${tag}.${p.i}@example.org`,
        name: `Bench ${p.i}`,
        locale: 'en',
      })),
      await hashPassword('bench appointments 2026'),
    )
    // Booking asks for a proved e-mail or phone: these citizens opened their link.
    await sql`update users set email_verified_at = now() where id = any(${people.map((p) => p.id)}::uuid[])`.execute(
      ctx.db,
    )
    await insertProfiles(
      ctx.db,
      people.map((p) => ({
        user_id: p.id,
        name_latin: `BENCH PERSON${p.i}`,
        name_zh: null,
        date_of_birth: '1990-01-01',
        sex: null,
        phone: null,
        consent_to_contact: false,
        emergency_contacts: '[]',
        ...passportColumns(ctx.secrets, `B${tag % 100000}${String(p.i).padStart(5, '0')}`),
      })),
    )
    const expires = new Date(Date.now() + 3_600_000)
    await ctx.db
      .insertInto('sessions')
      .values(
        people.map((p) => ({
          id: createHash('sha256').update(p.token).digest('hex'),
          user_id: p.id,
          expires_at: expires,
          mfa_pending: false,
          ip: '127.0.0.1',
          user_agent: 'bench',
        })),
      )
      .execute()
    progress(`${engine}: ${clients} challenges fetched and solved`)
    const solvedAt = performance.now()
    const altchas: string[] = []
    for (let i = 0; i < clients; i += 100) {
      const batch = people.slice(i, i + 100)
      altchas.push(
        ...(await Promise.all(
          batch.map(async (p) => {
            const res = await fetch(`${url}/api/v1/appointments/challenge`, {
              headers: { cookie: `lingshi_session=${p.token}` },
            })
            return solve((await res.json()) as Challenge)
          }),
        )),
      )
    }
    progress(`${engine}: solved in ${((performance.now() - solvedAt) / 1000).toFixed(1)} s; the storm`)

    const times: number[] = []
    const statuses = new Map<number, number>()
    measuring = true
    const t0 = performance.now()
    let inFlight = 0
    const waiting: (() => void)[] = []
    const turn = async () => {
      if (inFlight >= IN_FLIGHT) await new Promise<void>((r) => waiting.push(r))
      inFlight++
    }
    const done = () => {
      inFlight--
      waiting.shift()?.()
    }
    await Promise.all(
      people.map(async (p, i) => {
        await turn()
        const start = performance.now()
        const res = await fetch(`${url}/api/v1/me/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `lingshi_session=${p.token}` },
          body: JSON.stringify({
            mission: MISSION,
            service: 'passport_renewal',
            start: starts[i % slotCount],
            altcha: altchas[i],
          }),
        })
        await res.arrayBuffer()
        times.push(performance.now() - start)
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        done()
      }),
    )
    measuring = false
    const seconds = (performance.now() - t0) / 1000
    const booked = statuses.get(201) ?? 0
    const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)
    const counted = await ctx.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'booked')
      .executeTakeFirst()
    const storm = {
      clients,
      slots: slotCount,
      capacity,
      booked,
      bookedInDatabase: Number(counted?.n ?? 0),
      expected: slotCount * capacity,
      statuses: Object.fromEntries(statuses),
      fiveHundreds,
      clientP50Ms: pct(times, 50),
      clientP99Ms: pct(times, 99),
      serverP50Ms: pct(serverTimes, 50),
      serverP99Ms: pct(serverTimes, 99),
      perSecond: Math.round(clients / seconds),
    }
    emit({ case: 'booking storm', engine, ...storm })
    note(
      `booking storm (${engine}): ${clients} clients, ${slotCount} slots x ${capacity}: ${booked} booked (${storm.bookedInDatabase} in the database, expected ${storm.expected}), ` +
        `${fiveHundreds} 5xx; server p50 ${storm.serverP50Ms} ms, p99 ${storm.serverP99Ms} ms; client p50 ${storm.clientP50Ms} ms, p99 ${storm.clientP99Ms} ms; ${storm.perSecond}/s`,
    )

    // Slot listing: 60 days of one service, round the 10 service calendars, one request at a time.
    serverTimes.length = 0
    const listTimes: number[] = []
    const to = addDays(firstDay, 59)
    let slotsListed = 0
    measuring = true
    for (let i = 0; i < listings; i++) {
      const service = APPOINTMENT_SERVICES[i % APPOINTMENT_SERVICES.length]
      const location = Math.floor(i / APPOINTMENT_SERVICES.length) % 2 === 0 ? 'main' : 'clinic'
      const start = performance.now()
      const res = await fetch(
        `${url}/api/v1/missions/${MISSION}/slots?service=${service}&from=${firstDay}&to=${to}&location=${location}`,
      )
      const body = (await res.json()) as unknown[]
      listTimes.push(performance.now() - start)
      slotsListed = body.length
    }
    measuring = false
    const listing = {
      requests: listings,
      days: 60,
      serviceCalendars: APPOINTMENT_SERVICES.length * 2,
      slotsPerAnswer: slotsListed,
      clientP50Ms: pct(listTimes, 50),
      clientP99Ms: pct(listTimes, 99),
      serverP50Ms: pct(serverTimes, 50),
      serverP99Ms: pct(serverTimes, 99),
    }
    emit({ case: 'slot listing, 60 days', engine, ...listing })
    note(
      `slot listing (${engine}): 60 days (${slotsListed} slots an answer), 10 service calendars, ${listings} requests: server p50 ${listing.serverP50Ms} ms, p99 ${listing.serverP99Ms} ms; client p99 ${listing.clientP99Ms} ms`,
    )
    await app.close()
  } finally {
    await rt.close()
    await db.drop()
  }
}

async function benchSolving(): Promise<void> {
  const { createChallenge } = await import('altcha-lib/v1')
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    const c = await createChallenge({ hmacKey: 'bench', maxnumber: 50_000 })
    const t = performance.now()
    await solve({ ...c, maxnumber: 50_000 })
    times.push(performance.now() - t)
  }
  emit({
    case: 'solving a challenge in Node (maxnumber 50,000)',
    challenges: 20,
    p50Ms: pct(times, 50),
    maxMs: pct(times, 100),
  })
  note(
    `solving a challenge at the default cost (Node, one core): p50 ${pct(times, 50)} ms, max ${pct(times, 100)} ms`,
  )
}

await benchSolving()
for (const engine of engines) await bench(engine)
printSummary()
