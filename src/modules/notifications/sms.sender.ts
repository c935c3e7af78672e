import type { SmsConfig } from '../../config.ts'
import type { SendOutcome } from './channel.runner.ts'
import { type Agents, keepAliveAgents, postJson } from './http.post.ts'
import { parseRetryAfter } from './retry.ts'

export interface OutgoingSms {
  readonly deliveryId: string
  /** E.164 */
  readonly to: string
  readonly text: string
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<SendOutcome>
  close(): void
}

function providerId(body: string): string | null {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null
  } catch {
    return null
  }
}

/**
 * The generic SMS gateway (docs/api.md): `POST SMS_GATEWAY_URL {to, text, reference, sender}` with
 * the delivery id as `reference` and `Idempotency-Key`, so a resend after a crash is dropped there.
 * 2xx is sent (the answer's `id` kept); 429, 5xx and network trouble are retried (honouring
 * `Retry-After`); any other answer is a refusal that sending again would not change.
 */
export function createSmsSender(config: SmsConfig): SmsSender {
  const agents: Agents = keepAliveAgents(32)
  const url = new URL(config.gatewayUrl)
  return {
    async send(sms) {
      const body = JSON.stringify({
        to: sms.to,
        text: sms.text,
        reference: sms.deliveryId,
        ...(config.senderId ? { sender: config.senderId } : {}),
      })
      const headers: Record<string, string> = { 'idempotency-key': sms.deliveryId }
      if (config.token) headers.authorization = `Bearer ${config.token}`
      try {
        const answer = await postJson(url, body, headers, agents)
        const status = answer.status
        if (status >= 200 && status < 300) return { kind: 'sent', providerRef: providerId(answer.body) }
        const reason = `SMS gateway answered ${status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ''}`
        if (status === 429 || status >= 500) {
          return { kind: 'retry', reason, notBefore: parseRetryAfter(answer.headers['retry-after']) }
        }
        return { kind: 'failed', reason }
      } catch (err) {
        return { kind: 'retry', reason: `SMS gateway request failed: ${(err as Error).message}` }
      }
    },
    close: () => agents.destroy(),
  }
}
