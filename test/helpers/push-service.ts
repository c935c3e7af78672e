import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface ReceivedPush {
  readonly endpoint: string
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: Buffer
  readonly status: number
}

export interface PushService {
  /** `https://127.0.0.1:<port>`: the audience a VAPID token for this service must name. */
  readonly origin: string
  /** The service's self-signed certificate (PEM), for PUSH_CA_FILE. */
  readonly caFile: string
  readonly received: ReceivedPush[]
  /** A fresh endpoint URL, as a browser would get from its push service. */
  newEndpoint(): string
  /** The statuses the next requests to `endpoint` get, in order; afterwards 201. */
  answer(endpoint: string, ...statuses: number[]): void
  /** Waits until `count` requests reached `endpoint`. */
  waitFor(endpoint: string, count?: number, timeoutMs?: number): Promise<ReceivedPush[]>
  close(): Promise<void>
}

/** A certificate for 127.0.0.1 made with the system's openssl, valid for a day. */
function selfSignedCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=Lingshi test push service',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile }
}

/** A real HTTPS push service on a free local port (RFC 8030 message delivery only) that keeps what it gets. */
export async function startPushService(): Promise<PushService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-push-'))
  const { key, cert, certFile } = selfSignedCertificate(dir)
  const received: ReceivedPush[] = []
  const scripted = new Map<string, number[]>()
  let origin = ''
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const endpoint = `${origin}${req.url ?? '/'}`
      const status = scripted.get(endpoint)?.shift() ?? 201
      received.push({ endpoint, headers: req.headers, body: Buffer.concat(chunks), status })
      if (status === 201) res.setHeader('location', `${origin}/message/${randomBytes(8).toString('hex')}`)
      res.statusCode = status
      res.end(status === 201 ? '' : `status ${status}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    caFile: certFile,
    received,
    newEndpoint: () => `${origin}/push/${randomBytes(12).toString('base64url')}`,
    answer(endpoint, ...statuses) {
      scripted.set(endpoint, [...(scripted.get(endpoint) ?? []), ...statuses])
    },
    async waitFor(endpoint, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const got = received.filter((r) => r.endpoint === endpoint)
        if (got.length >= count) return got
        if (Date.now() > deadline)
          throw new Error(`expected ${count} pushes to ${endpoint}, got ${got.length}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
