import dns from 'node:dns'
import type { LookupFunction } from 'node:net'
import net from 'node:net'
import type { WebhookConfig } from '../../config.ts'

/** Addresses a webhook must never reach: loopback, private, link-local, shared, documentation, multicast. */
const NOT_PUBLIC = new net.BlockList()
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv4')
}
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv6')
}

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address)
  if (family === 0) return false
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
    if (mapped?.[1]) return isPublicAddress(mapped[1])
    return !NOT_PUBLIC.check(address, 'ipv6')
  }
  return !NOT_PUBLIC.check(address, 'ipv4')
}

export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
}

export function isAllowListed(url: URL, config: WebhookConfig): boolean {
  return config.allowHttpHosts.includes(bareHost(url))
}

export type UrlProblem = { code: 'webhook.url_invalid' | 'webhook.url_not_allowed'; detail: string }

/**
 * Why the server must not POST to this URL, or null: https only, no credentials in it, and a
 * host that resolves only to public addresses (hosts in WEBHOOK_ALLOW_HTTP_HOSTS excepted).
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

/** The error code of a connection refused because its host resolved only to private addresses. */
export const NOT_PUBLIC_CODE = 'ELINGSHI_NOT_PUBLIC'

/**
 * A DNS lookup for the sending connections that drops private addresses, so a host that turned
 * private after registration (DNS rebinding) is not reached. Allow-listed hosts resolve as usual.
 */
export function publicOnlyLookup(config: WebhookConfig): LookupFunction {
  return (hostname, options, callback) => {
    const allowed = config.allowHttpHosts.includes(hostname.toLowerCase())
    dns.lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, '', 0)
      const usable = allowed ? found : found.filter((a) => isPublicAddress(a.address))
      const first = usable[0]
      if (!first) {
        const refused = Object.assign(new Error(`${hostname} resolves to no public address`), {
          code: NOT_PUBLIC_CODE,
        })
        return callback(refused, '', 0)
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable)
      callback(null, first.address, first.family)
    })
  }
}
