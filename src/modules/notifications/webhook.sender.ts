import { createHmac } from 'node:crypto'
import type { WebhookConfig } from '../../config.ts'
import { NOT_PUBLIC_CODE } from '../../platform/http/outbound-address.ts'
import { type Agents, keepAliveAgents, postJson } from './http.post.ts'
import { parseRetryAfter } from './retry.ts'
import { publicOnlyLookup, webhookTargetProblem } from './webhook.address.ts'

/**
 * What the receiver's answer means for this endpoint: `sent` (2xx); `gone` (410: the endpoint is
 * disabled); `retry` (429, 5xx, network trouble); `rejected` (anything else, redirects included:
 * they are not followed).
 */
export type WebhookOutcome =
  | { readonly kind: 'sent'; readonly status: number }
  | { readonly kind: 'gone'; readonly status: number; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly notBefore?: Date; readonly status?: number }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string }

export interface WebhookTarget {
  readonly url: string
  /** The endpoint's secret as shown once to its owner; its UTF-8 bytes are the HMAC key. */
  readonly secret: string
}

export interface WebhookSender {
  send(target: WebhookTarget, body: string, deliveryId: string): Promise<WebhookOutcome>
  close(): void
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: a receiver recomputes it (docs/api.md). */
function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

/**
 * Connections per receiving host: one per request a job can have in flight (lanes × batch), so no
 * request waits for a socket beyond its timeout while its delivery is leased.
 */
const MAX_SOCKETS_PER_HOST = 128

export function createWebhookSender(config: WebhookConfig): WebhookSender {
  const agents: Agents = keepAliveAgents(MAX_SOCKETS_PER_HOST, publicOnlyLookup(config))
  return {
    async send(target, body, deliveryId) {
      const url = new URL(target.url)
      const refused = webhookTargetProblem(url, config)
      if (refused) return { kind: 'rejected', status: 0, reason: refused }
      const timestamp = Math.floor(Date.now() / 1000)
      try {
        const answer = await postJson(
          url,
          body,
          {
            'idempotency-key': deliveryId,
            'lingshi-timestamp': String(timestamp),
            'lingshi-signature': webhookSignature(target.secret, timestamp, body),
          },
          agents,
        )
        const status = answer.status
        if (status >= 200 && status < 300) return { kind: 'sent', status }
        const reason = `endpoint answered ${status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ''}`
        if (status === 410) return { kind: 'gone', status, reason }
        if (status === 429 || status >= 500) {
          return { kind: 'retry', status, reason, notBefore: parseRetryAfter(answer.headers['retry-after']) }
        }
        return { kind: 'rejected', status, reason }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === NOT_PUBLIC_CODE) {
          return { kind: 'rejected', status: 0, reason: (err as Error).message }
        }
        return { kind: 'retry', reason: `webhook request failed: ${(err as Error).message}` }
      }
    },
    close: () => agents.destroy(),
  }
}
