import dns from 'node:dns'
import type { LookupFunction } from 'node:net'
import net from 'node:net'
import type { WebhookConfig } from '../../config.ts'
import {
  isPublicAddress,
  portOf,
  publicOnlyLookup as publicOnlyLookupFor,
} from '../../platform/http/outbound-address.ts'

export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
}

export function isAllowListed(url: URL, config: WebhookConfig): boolean {
  return config.allowHttpHosts.includes(bareHost(url))
}

export type UrlProblem = { code: 'webhook.url_invalid' | 'webhook.url_not_allowed'; detail: string }

const portsText = (config: WebhookConfig) => config.allowedPorts.join(', ')

/**
 * Why the server must not POST to this URL, or null: https only, on port 443 (or a configured
 * port), no credentials in it, and a host that resolves only to public addresses (hosts in
 * WEBHOOK_ALLOW_HTTP_HOSTS excepted).
 */
export async function webhookUrlProblem(text: string, config: WebhookConfig): Promise<UrlProblem | null> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { code: 'webhook.url_invalid', detail: 'The webhook URL is not a URL' }
  }
  if (url.username || url.password) {
    return { code: 'webhook.url_invalid', detail: 'The webhook URL must not carry credentials' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { code: 'webhook.url_invalid', detail: 'The webhook URL must be an https URL' }
  }
  if (isAllowListed(url, config)) return null
  if (url.protocol !== 'https:') {
    return { code: 'webhook.url_not_allowed', detail: 'The webhook URL must use https' }
  }
  if (!config.allowedPorts.includes(portOf(url))) {
    return { code: 'webhook.url_not_allowed', detail: `The webhook URL must use port ${portsText(config)}` }
  }
  const host = bareHost(url)
  let addresses: string[]
  try {
    addresses = net.isIP(host)
      ? [host]
      : (await dns.promises.lookup(host, { all: true })).map((a) => a.address)
  } catch {
    return { code: 'webhook.url_not_allowed', detail: `${host} does not resolve to an address` }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    return { code: 'webhook.url_not_allowed', detail: `${host} is not a public address` }
  }
  return null
}

/**
 * Why a stored URL must not be connected to now, or null: the rules above that need no DNS (an
 * address written in the URL skips the lookup that filters private ones; a port may have been
 * allowed when it was stored and no longer is).
 */
export function webhookTargetProblem(url: URL, config: WebhookConfig): string | null {
  if (isAllowListed(url, config)) return null
  if (url.protocol !== 'https:') return 'not an https URL'
  if (!config.allowedPorts.includes(portOf(url))) return `port ${portOf(url)} is not allowed`
  const host = bareHost(url)
  if (net.isIP(host) && !isPublicAddress(host)) return `${host} is not a public address`
  return null
}

/**
 * A DNS lookup for the sending connections that drops private addresses, so a host that turned
 * private after registration (DNS rebinding) is not reached. Allow-listed hosts resolve as usual.
 */
export function publicOnlyLookup(config: WebhookConfig): LookupFunction {
  return publicOnlyLookupFor((hostname) => config.allowHttpHosts.includes(hostname))
}
