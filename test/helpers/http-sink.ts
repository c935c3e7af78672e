import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SinkRequest {
  readonly path: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
  readonly status: number
}

export interface SinkAnswer {
  readonly status: number
  readonly body?: string
  readonly headers?: Record<string, string>
}

export interface HttpSink {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  readonly received: SinkRequest[]
  /** The answers the next requests to `path` get, in order; afterwards the default answer. */
  answer(path: string, ...answers: (number | SinkAnswer)[]): void
  /** Waits until `count` requests match. */
  waitFor(match: (r: SinkRequest) => boolean, count?: number, timeoutMs?: number): Promise<SinkRequest[]>
  close(): Promise<void>
}

/**
 * A real HTTP server on a free local port that records every POST: the fake SMS gateway and the
 * webhook sink of the tests. `fallback` answers what nothing was scripted for.
 */
export async function startHttpSink(
  fallback: (r: { path: string; body: string; n: number }) => SinkAnswer = () => ({ status: 204 }),
): Promise<HttpSink> {
  const received: SinkRequest[] = []
  const scripted = new Map<string, SinkAnswer[]>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? '/'
      const body = Buffer.concat(chunks).toString('utf8')
      const answer = scripted.get(path)?.shift() ?? fallback({ path, body, n: received.length })
      received.push({ path, headers: req.headers, body, status: answer.status })
      res.writeHead(answer.status, answer.headers ?? {})
      res.end(answer.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    received,
    answer(path, ...answers) {
      const list = scripted.get(path) ?? []
      list.push(...answers.map((a) => (typeof a === 'number' ? { status: a, body: `status ${a}` } : a)))
      scripted.set(path, list)
    },
    async waitFor(match, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = received.filter(match)
        if (found.length >= count) return found
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${found.length}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * What a webhook receiver does (docs/api.md): recompute the HMAC over "<t>.<raw body>" with the
 * endpoint's secret, compare in constant time, and refuse a timestamp over 5 minutes away.
 */
export function verifyWebhookRequest(
  secret: string,
  r: SinkRequest,
  nowSeconds = Date.now() / 1000,
): boolean {
  const header = String(r.headers['lingshi-signature'] ?? '')
  const fields = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]))
  const t = Number(fields.get('t'))
  const v1 = fields.get('v1') ?? ''
  if (!Number.isInteger(t) || String(t) !== r.headers['lingshi-timestamp']) return false
  if (Math.abs(nowSeconds - t) > 300) return false
  const expected = createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex')
  return v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected))
}
