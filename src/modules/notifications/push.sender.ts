import https from 'node:https'
import tls from 'node:tls'
import webpush from 'web-push'
import type { PushConfig } from '../../config.ts'
import { pushEndpointProblem, pushLookup } from './push.address.ts'
import { parseRetryAfter } from './retry.ts'
import type { VapidDetails } from './vapid.service.ts'

export interface PushTarget {
  readonly endpoint: string
  readonly p256dh: string
  readonly auth: string
}

export interface PushOptions {
  readonly deliveryId: string
  readonly urgency: 'normal' | 'high'
  readonly ttlSeconds: number
}

/**
 * What the push service's answer means for this device: `sent` (2xx); `gone` (404/410, the
 * subscription expired or was revoked); `retry` (429, 5xx, network trouble); `rejected` (any
 * other 4xx: this message will not be taken for this device, so sending it again is useless).
 */
export type PushOutcome =
  | { readonly kind: 'sent'; readonly status: number }
  | { readonly kind: 'gone'; readonly status: number; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly notBefore?: Date }
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string }

export type PushSender = (target: PushTarget, payload: string, options: PushOptions) => Promise<PushOutcome>

const TIMEOUT_MS = 15_000

export function createPushSender(config: PushConfig, vapid: () => Promise<VapidDetails>): PushSender {
  // An extra CA is added to the system's roots (never replaces them), so real push services stay trusted.
  // Connections skip private addresses a push host may resolve to now (DNS rebinding).
  const lookup = pushLookup(config)
  const agent = config.extraCa
    ? new https.Agent({ ca: [...tls.rootCertificates, config.extraCa], keepAlive: true, lookup })
    : new https.Agent({ keepAlive: true, lookup })
  return async (target, payload, options) => {
    // Stored before today's rules, or the configuration changed since: checked again when sending.
    const refused = pushEndpointProblem(new URL(target.endpoint), config)
    if (refused) return { kind: 'rejected', status: 0, reason: refused }
    const keys = await vapid()
    try {
      const res = await webpush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: keys,
          TTL: options.ttlSeconds,
          urgency: options.urgency,
          contentEncoding: 'aes128gcm',
          headers: { 'Idempotency-Key': options.deliveryId },
          agent,
          timeout: TIMEOUT_MS,
        },
      )
      return { kind: 'sent', status: res.statusCode }
    } catch (err) {
      return classify(err)
    }
  }
}

function classify(err: unknown): PushOutcome {
  if (!(err instanceof webpush.WebPushError)) {
    return { kind: 'retry', reason: `push request failed: ${(err as Error).message}` }
  }
  const status = err.statusCode
  const reason = `push service answered ${status}${err.body ? `: ${err.body.slice(0, 200)}` : ''}`
  if (status === 404 || status === 410) return { kind: 'gone', status, reason }
  if (status === 429 || status >= 500)
    return { kind: 'retry', reason, notBefore: parseRetryAfter(err.headers['retry-after']) }
  return { kind: 'rejected', status, reason }
}
