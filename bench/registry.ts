// The citizen registry at scale: `npm run bench -- registry [--people N] [--engine embedded|server|both]`.
// For each engine, on a fresh database: load N synthetic people (1.5 trips each), measure load time
// and size, time "who is inside this polygon on this date" through the people search, then run the
// profile and trip API under 50 concurrent signed-in clients. Figures go to stdout as JSON lines,
// progress and a human summary to stderr. The server engine uses BENCH_DATABASE_URL or
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) only to create and drop
// a database of its own.
import os from 'node:os'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { createAccount } from '../src/modules/identity/index.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import {
  parseSyntheticOptions,
  type SyntheticOptions,
  SyntheticOptionsError,
} from '../src/seed/synthetic.options.ts'
import { syntheticEmail } from '../src/seed/synthetic.people.ts'
import { denseClusterArea } from '../src/seed/synthetic.places.ts'
import { SYNTHETIC_PASSWORD, seedSynthetic } from '../src/seed/synthetic.ts'
import { type LoadCase, load, login, startServer } from './registry/api.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { benchPolygon } from './registry/polygon.ts'
import { emit, mib, note, printSummary, progress } from './registry/report.ts'
import { databaseSizes } from './registry/sizes.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    people: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const runs = Number(values.runs)
const engines: EngineName[] =
  values.engine === 'both' ? ['server', 'embedded'] : [values.engine as EngineName]
if (!engines.every((e) => e === 'server' || e === 'embedded')) {
  console.error('--engine must be embedded, server or both')
  process.exit(2)
}
let options: SyntheticOptions
try {
  options = parseSyntheticOptions({ people: values.people, seed: values.seed })
} catch (err) {
  console.error(err instanceof SyntheticOptionsError ? err.message : err)
  process.exit(2)
}
const { people, seed } = options

const DUTY = { email: 'duty@bench.lingshi', password: 'polygon-benchmark-2026' }
const today = new Date().toISOString().slice(0, 10)
const area = denseClusterArea()

async function loadRegistry(engine: EngineName, env: Record<string, string>): Promise<void> {
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    const prepareStart = performance.now()
    await prepareRuntime(rt, { demo: false })
    const prepareSeconds = +((performance.now() - prepareStart) / 1000).toFixed(1)
    emit({ engine, case: 'prepare (migrations + reference data)', seconds: prepareSeconds })
    const s = await seedSynthetic(rt.ctx, { people, tripsPerPerson: 1.5, seed }, (p) =>
      progress(`  ${engine}: ${p.people}/${p.total} people, ${Math.round(p.rows / p.seconds)} rows/s`),
    )
    const { engine: _, ...figures } = s
    emit({ engine, case: 'load', ...figures })
    note(
      `${engine}: loaded ${s.people} people, ${s.residences} residences, ${s.trips} trips ` +
        `(${s.destinations} destinations) = ${s.rows} rows in ${s.loadSeconds} s ` +
        `(${s.rowsPerSecond} rows/s, ${s.peoplePerSecond} people/s; sealing ${s.sealSeconds} s); ` +
        `VACUUM ANALYZE ${s.vacuumSeconds} s`,
    )
    await createAccount(
      rt.ctx,
      { email: DUTY.email, name: 'Bench duty officer', role: 'duty_officer', password: DUTY.password },
      { userId: null, roles: ['admin'], ip: 'bench' },
    )
    const sizes = await databaseSizes(rt.ctx)
    emit({ engine, case: 'size', people, ...sizes })
  } finally {
    await rt.close()
  }
}

async function polygon(
  engine: EngineName,
  env: Record<string, string>,
  jit: 'on' | 'off' | null,
): Promise<void> {
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    const duty = await rt.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DUTY.email)
      .executeTakeFirstOrThrow()
    const f = await benchPolygon(rt.ctx, { area, on: today, runs, dutyOfficerId: duty.id })
    const { plan, ...figures } = f
    emit({ engine, case: 'polygon search (service: count + first 100)', jit, people, on: today, ...figures })
    emit({ engine, case: 'polygon plan', jit, ...plan })
    note(
      `${engine}${jit ? ` (jit ${jit})` : ''}: polygon over Bangkok on ${today}: ${f.inside} people inside; ` +
        `search cold ${f.coldMs} ms, ` +
        `warm median ${f.warm.medianMs} ms (the query alone ${f.queryMedianMs} ms); ` +
        `EXPLAIN ANALYZE ${plan.executionMs} ms${plan.jitMs ? ` of which JIT ${plan.jitMs} ms` : ''}`,
    )
  } finally {
    await rt.close()
  }
}

async function httpSearch(engine: EngineName, url: string): Promise<void> {
  const cookie = await login(url, DUTY.email, DUTY.password)
  const times: number[] = []
  let count = 0
  for (let i = 0; i <= runs; i++) {
    const start = performance.now()
    const res = await fetch(`${url}/api/v1/people/search`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ area, on: today, limit: 100 }),
    })
    const body = (await res.json()) as { count: number }
    times.push(+(performance.now() - start).toFixed(1))
    count = body.count
  }
  const warm = times.slice(1).sort((a, b) => a - b)
  const median = warm[warm.length >> 1] ?? 0
  emit({
    engine,
    case: 'polygon search over HTTP (POST /api/v1/people/search)',
    count,
    firstMs: times[0],
    medianMs: median,
    runs: warm,
  })
  note(`${engine}: POST /api/v1/people/search (polygon): first ${times[0]} ms, median ${median} ms`)
}

async function api(engine: EngineName, env: Record<string, string>): Promise<void> {
  const server = await startServer(
    {
      ...env,
      MFA_REQUIRED: '0',
      // One client address makes every request: lift the per-address budgets for the run.
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000',
      // The synthetic trips reach a year back: the daily purge must not delete them mid-run.
      RETENTION_DAYS: '3650',
    },
    18_000 + Math.floor(Math.random() * 1000),
  )
  try {
    const loginStart = performance.now()
    const cookies: string[] = []
    for (let i = 0; i < connections; i++) {
      const index = Math.floor((i * people) / connections)
      cookies.push(await login(server.url, syntheticEmail(index), SYNTHETIC_PASSWORD))
    }
    const loginMs = Math.round((performance.now() - loginStart) / connections)
    emit({ engine, case: 'login (Argon2id verify)', logins: connections, meanMs: loginMs })
    await httpSearch(engine, server.url)
    const cases: LoadCase[] = ['GET /api/v1/me/profile', 'GET /api/v1/me/trips', 'mix']
    for (const kind of cases) {
      progress(`  ${engine}: ${kind}, ${connections} connections, ${seconds} s`)
      const f = await load(server.url, kind, cookies, seconds)
      emit({ engine, case: `api ${kind}`, people, connections, seconds, ...f })
      note(
        `${engine}: ${kind.padEnd(22)} ${String(f.rps).padStart(5)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms` +
          (f.non2xx || f.errors ? ` (non-2xx ${f.non2xx}, errors ${f.errors})` : ''),
      )
    }
    emit({ engine, case: 'server process', peakRssMb: server.peakRssMb() })
  } finally {
    await server.stop()
  }
}

emit({
  case: 'machine',
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
  people,
  tripsPerPerson: 1.5,
})
for (const engine of engines) {
  const db = await createBenchDatabase(engine)
  progress(`${engine}: fresh database ${db.where}`)
  try {
    await loadRegistry(engine, db.env)
    const bytes = await db.sizeBytes()
    emit({ engine, case: 'size on disk', people, bytes, mebibytes: mib(bytes) })
    note(`${engine}: size on disk ${mib(bytes)} MiB`)
    await polygon(engine, db.env, engine === 'server' ? 'on' : null)
    // PostgreSQL compiles this query just in time when its estimated cost is high, which costs more
    // than it saves here: measure the search again without.
    if (await db.switchJit(true)) {
      await polygon(engine, db.env, 'off')
      await db.switchJit(false)
    }
    await api(engine, db.env)
  } finally {
    if (values.keep) progress(`${engine}: kept ${db.where}`)
    else await db.drop()
  }
}
printSummary()
