// The profile and trip API under load: the server as `lingshi serve` runs it, in its own process,
// and autocannon with one signed-in synthetic citizen per connection.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'

const root = path.resolve(import.meta.dirname, '../..')

export interface RunningServer {
  readonly url: string
  peakRssMb(): number
  stop(): Promise<void>
}

export async function startServer(env: Record<string, string>, port: number): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/lingshi.mjs'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let peak = 0
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
      peak = Math.max(peak, Math.round(kb / 1024))
    } catch {}
  }, 500)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 600_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not become ready')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    peakRssMb: () => peak,
    async stop() {
      clearInterval(sampler)
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Signs in and returns the session cookie. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lingshi_session='))
  if (res.status !== 200 || !cookie) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
  return cookie.split(';')[0] ?? ''
}

export type LoadCase = 'GET /api/v1/me/profile' | 'GET /api/v1/me/trips' | 'mix'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

const putProfile: autocannon.Request = {
  method: 'PUT',
  path: '/api/v1/me/profile',
  setupRequest: (req) => ({
    ...req,
    body: JSON.stringify({ phone: `+86138${digits(8)}`, consentToContact: Math.random() < 0.8 }),
  }),
}

const postTrip: autocannon.Request = {
  method: 'POST',
  path: '/api/v1/me/trips',
  setupRequest: (req) => {
    const start = 1 + Math.floor(Math.random() * 600)
    const destination = {
      country: 'JP',
      city: 'Tokyo',
      lat: 35.68 + Math.random() / 10,
      lon: 139.7 + Math.random() / 10,
    }
    return {
      ...req,
      body: JSON.stringify({
        destinations: [destination],
        startDate: day(start),
        endDate: day(start + 2 + Math.floor(Math.random() * 12)),
      }),
    }
  },
}

function requestsFor(kind: LoadCase, cookie: string): autocannon.Request[] {
  const headers = { cookie, 'content-type': 'application/json' }
  const get = (p: string): autocannon.Request => ({ method: 'GET', path: p, headers })
  const profile = get('/api/v1/me/profile')
  const trips = get('/api/v1/me/trips')
  if (kind === 'GET /api/v1/me/profile') return [profile]
  if (kind === 'GET /api/v1/me/trips') return [trips]
  // 40 % profile reads, 40 % trip lists, 10 % profile changes, 10 % new trips.
  const write = (r: autocannon.Request) => ({ ...r, headers })
  return [profile, trips, profile, trips, write(putProfile), profile, trips, profile, trips, write(postTrip)]
}

export interface LoadFigures {
  readonly requests: number
  readonly rps: number
  readonly p50Ms: number
  readonly p90Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: Record<string, number>
}

export async function load(
  url: string,
  kind: LoadCase,
  cookies: string[],
  seconds: number,
): Promise<LoadFigures> {
  let next = 0
  const result = await autocannon({
    url,
    connections: cookies.length,
    duration: seconds,
    requests: requestsFor(kind, cookies[0] ?? ''),
    setupClient: (client) => {
      client.setRequests(requestsFor(kind, cookies[next++ % cookies.length] ?? ''))
    },
  })
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    ),
  }
}
