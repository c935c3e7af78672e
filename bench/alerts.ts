// Safety alerts at scale: `npm run bench -- alerts [--people N] [--engine embedded|server|both]`.
// For each engine, on a fresh database of N synthetic people (1.5 trips each):
// 1. reach: count who a polygon over Bangkok reaches (the dense cluster holds ~10 % of people);
// 2. fan-out: every person subscribes to Thailand, then an alert on Thailand is sent: the time
//    from "send" until every recipient and delivery record is written;
// 3. answers: 200 signed-in recipients answer the safety check at once, over HTTP;
// 4. deliveries: e-mail and webhooks to local sinks (bench/alerts/deliveries.ts).
// Figures go to stdout as JSON lines, progress and a summary to stderr.
import os from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { loadConfig } from '../src/config.ts'
import type { AppContext } from '../src/context.ts'
import { alertWindow, countReach } from '../src/modules/alerts/alert.audience.ts'
import { createAlert } from '../src/modules/alerts/alert.service.ts'
import type { CapAlert } from '../src/modules/alerts/cap/cap.model.ts'
import { fanOut } from '../src/modules/alerts/fanout.job.ts'
import { createAccount } from '../src/modules/identity/index.ts'
import type { Principal } from '../src/platform/http/access.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import { parseSyntheticOptions } from '../src/seed/synthetic.options.ts'
import { syntheticEmail } from '../src/seed/synthetic.people.ts'
import { denseClusterArea } from '../src/seed/synthetic.places.ts'
import { SYNTHETIC_PASSWORD, seedSynthetic } from '../src/seed/synthetic.ts'
import { benchDeliveries } from './alerts/deliveries.ts'
import { login, startServer } from './registry/api.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { emit, note, printSummary, progress } from './registry/report.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    people: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '200' },
    runs: { type: 'string', default: '7' },
    deliveries: { type: 'string', default: '20000' },
  },
})
const { people, seed } = parseSyntheticOptions({ people: values.people, seed: '1' })
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const runs = Number(values.runs)
const engines: EngineName[] =
  values.engine === 'both' ? ['server', 'embedded'] : [values.engine as EngineName]
const deliveries = Number(values.deliveries)
const DUTY = { email: 'duty@bench.lingshi', password: 'alerts-benchmark-2026' }

const ms = (start: number) => +(performance.now() - start).toFixed(1)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0

/** CAP writes "lat,lon"; the dense-cluster polygon is GeoJSON [lon, lat]. */
function bangkokPolygon(): string {
  return (denseClusterArea().coordinates[0] ?? []).map(([lon, lat]) => `${lat},${lon}`).join(' ')
}

function alert(identifier: string, area: CapAlert['info'][number]['area'][number]): CapAlert {
  const sent = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00')
  const expires = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00')
  const info = (language: string, headline: string) => ({
    language,
    category: ['Safety' as const],
    event: 'Unrest',
    responseType: [],
    urgency: 'Immediate' as const,
    severity: 'Severe' as const,
    certainty: 'Observed' as const,
    eventCode: [],
    parameter: [],
    resource: [],
    expires,
    headline,
    area: [area],
  })
  return {
    identifier,
    sender: 'bench@lingshi',
    sent,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: [],
    references: [],
    info: [info('zh-CN', '曼谷局势紧张'), info('en', 'Unrest in Bangkok')],
  }
}

async function dutyPrincipal(ctx: AppContext): Promise<Principal> {
  const row = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DUTY.email)
    .executeTakeFirstOrThrow()
  return { userId: row.id, sessionId: 'bench', roles: ['duty_officer'], missions: [], mfaPending: false }
}

async function prepare(engine: EngineName, env: Record<string, string>) {
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    await prepareRuntime(rt, { demo: false })
    const s = await seedSynthetic(rt.ctx, { people, tripsPerPerson: 1.5, seed }, (p) =>
      progress(`  ${engine}: ${p.people}/${p.total} people`),
    )
    emit({ engine, case: 'registry load', people: s.people, trips: s.trips, loadSeconds: s.loadSeconds })
    await createAccount(
      rt.ctx,
      { email: DUTY.email, name: 'Bench duty officer', role: 'duty_officer', password: DUTY.password },
      { userId: null, roles: ['admin'], ip: 'bench' },
    )
  } finally {
    await rt.close()
  }
}

async function reachAndFanOut(engine: EngineName, env: Record<string, string>): Promise<string> {
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    const ctx = rt.ctx
    await ctx.queue.start()
    const duty = await dutyPrincipal(ctx)
    const createStart = performance.now()
    const polygon = await createAlert(ctx, duty, {
      cap: alert(`reach-${Date.now()}`, {
        areaDesc: 'Bangkok',
        polygon: [bangkokPolygon()],
        circle: [],
        geocode: [],
      }),
      safetyCheck: true,
      origin: 'api',
    })
    const createMs = ms(createStart)
    const window = alertWindow(
      new Date(polygon.alert.effectiveAt),
      new Date(polygon.alert.expiresAt ?? Date.now()),
    )
    const times: number[] = []
    let reach = polygon.alert.reach
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      reach = { ...(await countReach(ctx.db, polygon.alert.id, window)), countedAt: null }
      times.push(ms(start))
    }
    emit({
      engine,
      case: 'reach (polygon over Bangkok)',
      people,
      reach,
      createMs,
      medianMs: median(times),
      runs: times,
    })
    note(
      `${engine}: reach of a polygon holding ${reach.people} people: median ${median(times)} ms (draft with reach ${createMs} ms)`,
    )

    const subStart = performance.now()
    await sql`insert into subscriptions (user_id, country)
              select id, 'TH' from users where email like '%@synthetic.lingshi' on conflict do nothing`.execute(
      ctx.db,
    )
    await sql`analyze subscriptions`.execute(ctx.db)
    progress(`  ${engine}: everyone follows Thailand (${ms(subStart)} ms)`)
    const everyone = await createAlert(ctx, duty, {
      cap: alert(`fanout-${Date.now()}`, {
        areaDesc: 'Thailand',
        polygon: [],
        circle: [],
        geocode: [{ valueName: 'ISO 3166-1 alpha-2', value: 'TH' }],
      }),
      safetyCheck: true,
      origin: 'api',
    })
    await ctx.db
      .updateTable('alerts')
      .set({ status: 'sending' })
      .where('id', '=', everyone.alert.id)
      .execute()
    const fanStart = performance.now()
    await fanOut(ctx, everyone.alert.id)
    const fanMs = ms(fanStart)
    const counts = await sql<{ recipients: number; deliveries: number }>`
      select (select count(*) from alert_recipients where alert_id = ${everyone.alert.id})::int as recipients,
             (select count(*) from deliveries d join alerts a on a.message_id = d.message_id
               where a.id = ${everyone.alert.id})::int as deliveries`.execute(ctx.db)
    const c = counts.rows[0]
    emit({
      engine,
      case: 'fan-out (send → every recipient and delivery written)',
      people,
      ...c,
      seconds: +(fanMs / 1000).toFixed(1),
    })
    note(
      `${engine}: fan-out to ${c?.recipients} recipients (${c?.deliveries} deliveries) in ${(fanMs / 1000).toFixed(1)} s`,
    )
    // This million stays unsent: the delivery figures come from their own run with local sinks, and
    // the answers must not compete with a worker capturing a million e-mails.
    await sql`update deliveries d set state = 'failed', last_error = 'benchmark: not sent'
                from alerts a where a.id = ${everyone.alert.id} and d.message_id = a.message_id
                 and d.state = 'queued'`.execute(ctx.db)
    return everyone.alert.id
  } finally {
    await rt.close()
  }
}

async function answers(engine: EngineName, env: Record<string, string>, alertId: string): Promise<void> {
  const server = await startServer(
    {
      ...env,
      MFA_REQUIRED: '0',
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000',
    },
    19_000 + Math.floor(Math.random() * 1000),
  )
  try {
    const cookies: string[] = []
    for (let i = 0; i < connections; i++)
      cookies.push(
        await login(server.url, syntheticEmail(Math.floor((i * people) / connections)), SYNTHETIC_PASSWORD),
      )
    const answerKinds = ['safe', 'safe', 'safe', 'not_in_area']
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [{ method: 'POST', path: `/api/v1/me/alerts/${alertId}/answer` }],
      setupClient: (client) => {
        const index = (client as unknown as { _id?: number })._id ?? Math.floor(Math.random() * connections)
        client.setHeaders({
          cookie: cookies[index % cookies.length] ?? '',
          'content-type': 'application/json',
        })
        client.setBody(JSON.stringify({ answer: answerKinds[index % answerKinds.length] }))
      },
    })
    const figures = {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    }
    emit({ engine, case: `answers (${connections} concurrent recipients)`, seconds, ...figures })
    note(
      `${engine}: answers ${figures.rps}/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (non-2xx ${figures.non2xx})`,
    )
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
})
for (const engine of engines) {
  const db = await createBenchDatabase(engine)
  progress(`${engine}: fresh database ${db.where}`)
  try {
    await prepare(engine, db.env)
    const alertId = await reachAndFanOut(engine, db.env)
    await answers(engine, db.env, alertId)
    const runs = engine === 'embedded' ? [0] : [1, 2]
    for (const [i, workers] of runs.entries())
      await benchDeliveries({ engine, env: db.env, recipients: deliveries, workers, offset: i * deliveries })
  } finally {
    await db.drop()
  }
}
printSummary()
