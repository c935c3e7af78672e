// A crisis hour at the hotline: 50 operators looking callers up by phone and recording contacts and
// cases, on a registry of N synthetic people and M open cases; then the board over those cases.
// `npm run bench -- cases [--people 1000000] [--open-cases 100000] [--engine server|embedded]`
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { loadConfig } from '../src/config.ts'
import { createAccount } from '../src/modules/identity/index.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import { seedSynthetic } from '../src/seed/synthetic.ts'
import { login, startServer } from './registry/api.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { emit, note, printSummary, progress } from './registry/report.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    people: { type: 'string', default: '100000' },
    'open-cases': { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'server' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
  },
})
const people = Number(values.people)
const openCases = Number(values['open-cases'])
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const engine = values.engine as EngineName
if (engine !== 'server' && engine !== 'embedded') {
  console.error('--engine must be server or embedded')
  process.exit(2)
}
const PASSWORD = 'hotline-benchmark-2026'
const OPERATORS = Array.from({ length: connections }, (_, i) => `operator${i}@bench.lingshi`)
const DUTY = 'duty@bench.lingshi'
// Where the calls come from: points in cities with an embassy or a consulate district.
const PLACES = [
  [35.68, 139.76],
  [34.69, 135.5],
  [13.75, 100.5],
  [48.86, 2.35],
  [40.71, -74.0],
  [1.29, 103.85],
] as const

async function prepare(env: Record<string, string>): Promise<string[]> {
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    await prepareRuntime(rt, { demo: false })
    const started = performance.now()
    const s = await seedSynthetic(rt.ctx, { people, tripsPerPerson: 1.5, seed: 1 }, (p) =>
      progress(`  ${engine}: ${p.people}/${p.total} people`),
    )
    emit({ engine, case: 'registry load', people: s.people, trips: s.trips, loadSeconds: s.loadSeconds })
    const actor = { userId: null, roles: [], ip: null }
    for (const email of OPERATORS)
      await createAccount(rt.ctx, { email, name: email, role: 'operator', password: PASSWORD }, actor)
    await createAccount(
      rt.ctx,
      { email: DUTY, name: 'Duty', role: 'duty_officer', password: PASSWORD },
      actor,
    )
    const casesStarted = performance.now()
    await sql`
      insert into cases (id, reference, type, status, priority, summary, country, mission_code,
                         created_at, updated_at, first_response_due)
      select lingshi_uuid7(), 'B-' || lpad(g::text, 8, '0'),
             (array['kidnapping','assault','missing_person','detention','accident','death','medical',
                    'lost_documents','fraud','dispute','disaster','other'])[1 + g % 12],
             (array['new','triaged','in_progress','waiting_citizen','waiting_authority'])[1 + g % 5],
             (array['P1','P2','P3','P4'])[1 + g % 4],
             'synthetic open case', m.country, m.code,
             now() - (g % 20000) * interval '1 minute', now(), now() + interval '1 hour'
      from generate_series(1, ${openCases}) g
      join lateral (select code, country from missions order by code offset (g % 50) limit 1) m on true`.execute(
      rt.ctx.db,
    )
    await sql`analyze cases`.execute(rt.ctx.db)
    emit({
      engine,
      case: 'open cases load',
      openCases,
      seconds: +((performance.now() - casesStarted) / 1000).toFixed(1),
    })
    const phones = await sql<{ phone: string }>`
      select phone from profiles where phone is not null order by random() limit 5000`.execute(rt.ctx.db)
    progress(`  prepared in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    return phones.rows.map((r) => r.phone)
  } finally {
    await rt.close()
  }
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T

function figures(r: autocannon.Result) {
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
  }
}

async function run(url: string, cookies: string[], requests: (cookie: string) => autocannon.Request[]) {
  let next = 0
  return figures(
    await autocannon({
      url,
      connections: cookies.length,
      duration: seconds,
      requests: requests(cookies[0] ?? ''),
      setupClient: (client) => client.setRequests(requests(cookies[next++ % cookies.length] ?? '')),
    }),
  )
}

const db = await createBenchDatabase(engine)
try {
  // Every request comes from 127.0.0.1: the per-address limits would measure themselves, not the hotline.
  const env = {
    ...db.env,
    MFA_REQUIRED: 'false',
    RATE_LIMIT_API_PER_MINUTE: '100000000',
    RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000',
    RETENTION_DAYS: '3650',
  }
  const phones = await prepare(env)
  const server = await startServer(env, 18_600 + Math.floor(Math.random() * 300))
  try {
    const cookies = await Promise.all(OPERATORS.map((e) => login(server.url, e, PASSWORD)))
    const headers = (cookie: string) => ({ cookie, 'content-type': 'application/json' })
    const lookup = (cookie: string): autocannon.Request[] => [
      {
        method: 'GET',
        headers: headers(cookie),
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/contacts?caller=${encodeURIComponent(pick(phones))}`,
        }),
      },
    ]
    const lookupFigures = await run(server.url, cookies, lookup)
    emit({
      engine,
      case: 'caller look-up GET /api/v1/contacts?caller=',
      people,
      connections,
      ...lookupFigures,
    })
    note(
      `${engine}: caller look-up on ${people} people: ${lookupFigures.rps} req/s, p50 ${lookupFigures.p50Ms} ms, p99 ${lookupFigures.p99Ms} ms`,
    )

    const contact = (cookie: string): autocannon.Request => ({
      method: 'POST',
      path: '/api/v1/contacts',
      headers: headers(cookie),
      setupRequest: (req) => {
        const [lat, lon] = pick(PLACES)
        return {
          ...req,
          body: JSON.stringify({
            channel: 'phone',
            caller: { phone: pick(phones) },
            summary: 'Caller needs help',
            lat,
            lon,
          }),
        }
      },
    })
    const newCase = (cookie: string): autocannon.Request => ({
      method: 'POST',
      path: '/api/v1/cases',
      headers: headers(cookie),
      setupRequest: (req) => {
        const [lat, lon] = pick(PLACES)
        const type = pick(['lost_documents', 'medical', 'accident', 'detention', 'fraud', 'missing_person'])
        return {
          ...req,
          body: JSON.stringify({
            type,
            summary: 'Opened during the crisis hour',
            lat,
            lon,
            people: [{ phone: pick(phones) }],
            force: true,
          }),
        }
      },
    })
    // 5,000 contacts to 2,000 cases: the crisis hour's ratio.
    const intake = (cookie: string) => [
      contact(cookie),
      contact(cookie),
      newCase(cookie),
      contact(cookie),
      contact(cookie),
      newCase(cookie),
      contact(cookie),
    ]
    const intakeFigures = await run(server.url, cookies, intake)
    emit({
      engine,
      case: 'intake POST /api/v1/contacts + /api/v1/cases (5:2)',
      people,
      connections,
      ...intakeFigures,
    })
    note(
      `${engine}: intake (contacts and cases 5:2): ${intakeFigures.rps} req/s, p50 ${intakeFigures.p50Ms} ms, p99 ${intakeFigures.p99Ms} ms, non-2xx ${intakeFigures.non2xx}`,
    )
    note(`${engine}: a crisis hour needs 7,000 writes and ~5,000 look-ups an hour (≈3.3 req/s)`)

    const duty = await login(server.url, DUTY, PASSWORD)
    const board: number[] = []
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      const res = await fetch(`${server.url}/api/v1/cases/board`, { headers: { cookie: duty } })
      if (res.status !== 200) throw new Error(`board: ${res.status}`)
      const body = (await res.json()) as { open: number }
      board.push(+(performance.now() - t0).toFixed(1))
      if (i === 0) emit({ engine, case: 'board open cases', open: body.open })
    }
    const sorted = [...board].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)]
    emit({ engine, case: 'board GET /api/v1/cases/board', openCases, runs: board, medianMs: median })
    note(`${engine}: board over ${openCases}+ open cases: median ${median} ms (runs ${board.join(', ')})`)
    emit({ engine, case: 'server process', peakRssMb: server.peakRssMb() })
  } finally {
    await server.stop()
  }
} finally {
  await db.drop()
}
printSummary()
