// Local sinks that count what arrives by delivery id (the webhook's Idempotency-Key, the e-mail's
// Message-ID), so gaps and repeats show: the crash tests and the delivery benchmark use them.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface Sink {
  readonly url: string
  /** Delivery id → how many times it arrived. */
  readonly seen: Map<string, number>
  close(): Promise<void>
}

const count = (seen: Map<string, number>, id: string | undefined) => {
  if (id) seen.set(id, (seen.get(id) ?? 0) + 1)
}

export async function startWebhookSink(): Promise<Sink> {
  const seen = new Map<string, number>()
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    // A sender killed mid-request resets its connection: expected here, not a failure.
    req.on('error', () => undefined)
    req.resume()
    req.on('end', () => {
      count(seen, req.headers['idempotency-key'] as string | undefined)
      res.writeHead(204).end()
    })
  })
  server.on('clientError', (_err, socket) => socket.destroy())
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

export async function startSmtpSink(): Promise<Sink> {
  const seen = new Map<string, number>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('error', () => undefined)
      let head = ''
      stream.on('data', (c: Buffer) => {
        if (head.length < 8192) head += c.toString('utf8')
      })
      stream.on('end', () => {
        count(seen, /^message-id:\s*<([^>]+)>/im.exec(head)?.[1])
        callback()
      })
    },
  })
  // A sender killed mid-message resets its connection: expected here, not a failure.
  server.on('error', () => undefined)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** Distinct ids, ids that came more than once, and the extra copies. */
export function tally(sink: Sink): { distinct: number; repeatedIds: number; extraCopies: number } {
  let repeatedIds = 0
  let extraCopies = 0
  for (const n of sink.seen.values())
    if (n > 1) {
      repeatedIds++
      extraCopies += n - 1
    }
  return { distinct: sink.seen.size, repeatedIds, extraCopies }
}
