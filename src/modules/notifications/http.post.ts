import http from 'node:http'
import https from 'node:https'

const TIMEOUT_MS = 15_000
/** Enough of an answer to say why it was refused; the rest is drained so the connection is reused. */
const KEEP_BODY_BYTES = 2_048

export interface PostAnswer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  /** The first 2 KB of the answer. */
  readonly body: string
}

export interface Agents {
  readonly http: http.Agent
  readonly https: https.Agent
  destroy(): void
}

/** Keep-alive connection pools: at most `maxSockets` connections per host. */
export function keepAliveAgents(maxSockets: number, lookup?: http.AgentOptions['lookup']): Agents {
  const options = { keepAlive: true, maxSockets, ...(lookup ? { lookup } : {}) }
  const pools = { http: new http.Agent(options), https: new https.Agent(options) }
  return {
    ...pools,
    destroy() {
      pools.http.destroy()
      pools.https.destroy()
    },
  }
}

/** POSTs a JSON body; rejects on network trouble or timeout, resolves with any HTTP answer. */
export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  agents: Agents,
): Promise<PostAnswer> {
  const secure = url.protocol === 'https:'
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Lingshi/1 (+notifications)',
          ...headers,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = []
        let kept = 0
        res.on('data', (chunk: Buffer) => {
          if (kept < KEEP_BODY_BYTES) {
            chunks.push(chunk)
            kept += chunk.length
          }
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, KEEP_BODY_BYTES).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}
