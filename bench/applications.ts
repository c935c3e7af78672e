// Document applications: `npm run bench -- applications [--photos N] [--citizens N] [--saves N]
// [--engine embedded|server|both]`.
// 1. photo check: the blocking checks (sharp), then with the face detector (tfjs WASM), on N
//    photos of two sizes, one at a time: p50/p99;
// 2. form saves: C signed-in citizens at once, each saving S form steps (PATCH) of their draft,
//    against the app on a real port, per engine: the server's time per request (onResponse) and
//    the client's (which adds the queue of 200 callers).
// Figures go to stdout as JSON lines, progress and a summary to stderr.
import { parseArgs } from 'node:util'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { checkPhoto, judgePhoto } from '../src/modules/applications/photo.checks.ts'
import { openRuntime, prepareRuntime } from '../src/runtime.ts'
import { makePhoto } from '../test/helpers/photos.ts'
import { createBenchDatabase, type EngineName } from './registry/engine.ts'
import { emit, note, printSummary, progress } from './registry/report.ts'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    photos: { type: 'string', default: '100' },
    citizens: { type: 'string', default: '200' },
    saves: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'both' },
  },
})
const photos = Number(values.photos)
const citizens = Number(values.citizens)
const saves = Number(values.saves)
const engines: EngineName[] =
  values.engine === 'both' ? ['server', 'embedded'] : [values.engine as EngineName]

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return +(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1)
}

async function benchPhotos(): Promise<void> {
  const limits = { minBytes: 10_240, maxBytes: 5_242_880 }
  for (const [width, height] of [
    [420, 560],
    [1200, 1600],
  ] as const) {
    const photo = await makePhoto({ width, height })
    for (const [label, judge] of [
      ['blocking checks', checkPhoto],
      ['all checks (with the face detector, its model loaded once)', judgePhoto],
    ] as const) {
      await judge(photo, limits)
      const times: number[] = []
      for (let i = 0; i < photos; i++) {
        const start = performance.now()
        await judge(photo, limits)
        times.push(performance.now() - start)
      }
      const figures = { p50Ms: pct(times, 50), p99Ms: pct(times, 99), maxMs: pct(times, 100) }
      emit({ case: `photo check: ${label}`, width, height, bytes: photo.length, photos, ...figures })
      note(
        `photo ${label}, ${width}x${height} (${Math.round(photo.length / 1024)} KB), ${photos} photos: ` +
          `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
      )
    }
  }
}

async function benchSaves(engine: EngineName): Promise<void> {
  const db = await createBenchDatabase(engine)
  const env = {
    ...db.env,
    RATE_LIMIT_API_PER_MINUTE: '10000000',
    RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '10000000',
    MFA_REQUIRED: 'false',
  }
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  try {
    progress('preparing the embedded database (migrations, reference data)')
    await prepareRuntime(rt, { demo: false })
    const app = await buildApp(rt.ctx, { readiness: { ready: true, stage: 'ready' }, logger: false })
    // The server's own time per request (from the request's arrival to the reply sent).
    const serverTimes: number[] = []
    let measuring = false
    app.addHook('onResponse', async (_request, reply) => {
      if (measuring) serverTimes.push(reply.elapsedTime)
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    progress(`registering ${citizens} citizens with a draft each`)
    const people: { cookie: string; id: string }[] = []
    for (let i = 0; i < citizens; i++) {
      const res = await fetch(`${url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `bench.${i}.${Date.now()}@example.org`,
          password: 'bench applications 2026',
          name: `Bench ${i}`,
        }),
      })
      const cookie =
        res.headers
          .getSetCookie()
          .find((c) => c.startsWith('lingshi_session='))
          ?.split(';')[0] ?? ''
      const draft = await fetch(`${url}/api/v1/me/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ service: 'passport_renewal', mission: 'JP-TYO-EMB' }),
      })
      if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${await draft.text()}`)
      people.push({ cookie, id: ((await draft.json()) as { id: string }).id })
    }
    const steps = [
      { surname: 'Zhang', givenNames: 'Wei', sex: 'M', dateOfBirth: '1990-01-02' },
      { birthPlace: 'Beijing', phone: '+8613800138000' },
      { addressAbroad: '1-1 Chiyoda, Tokyo 100-0001' },
      { reason: 'expiring', currentPassport: { number: 'E12345678', expiryDate: '2027-01-01' } },
      {
        mrz: `${'P<CHNZHANG<<WEI'.padEnd(44, '<')}
${'E123456783CHN9001024M2701018'.padEnd(42, '<')}04`,
      },
    ]
    const times: number[] = []
    let failed = 0
    const start = performance.now()
    measuring = true
    await Promise.all(
      people.map(async (p) => {
        for (let s = 0; s < saves; s++) {
          const t0 = performance.now()
          const res = await fetch(`${url}/api/v1/me/applications/${p.id}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', cookie: p.cookie },
            body: JSON.stringify(steps[s % steps.length]),
          })
          await res.arrayBuffer()
          times.push(performance.now() - t0)
          if (res.status !== 200) failed++
        }
      }),
    )
    measuring = false
    const seconds = (performance.now() - start) / 1000
    const figures = {
      requests: times.length,
      failed,
      clientP50Ms: pct(times, 50),
      clientP99Ms: pct(times, 99),
      serverP50Ms: pct(serverTimes, 50),
      serverP99Ms: pct(serverTimes, 99),
      serverMaxMs: pct(serverTimes, 100),
      perSecond: Math.round(times.length / seconds),
    }
    emit({ case: 'form saves (PATCH), all citizens at once', engine, citizens, saves, ...figures })
    note(
      `form saves, ${citizens} citizens x ${saves} steps at once (${engine}): server p50 ${figures.serverP50Ms} ms, ` +
        `p99 ${figures.serverP99Ms} ms; client p99 ${figures.clientP99Ms} ms; ${figures.perSecond}/s, ${failed} failed`,
    )
    await app.close()
  } finally {
    await rt.close()
    await db.drop()
  }
}

await benchPhotos()
for (const engine of engines) await benchSaves(engine)
printSummary()
