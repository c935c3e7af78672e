import dns from 'node:dns'
import net, { type LookupFunction } from 'node:net'
import type { PushConfig } from '../../config.ts'
import { isPublicAddress, portOf, publicOnlyLookup } from '../../platform/http/outbound-address.ts'

const bareHost = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '')

/** A host the operator wrote in PUSH_SERVICE_HOSTS itself (a local push service in tests): trusted as theirs. */
function namedByOperator(host: string, config: PushConfig): boolean {
  return config.serviceHosts !== '*' && config.serviceHosts.includes(host)
}

function isOnPushService(host: string, allowed: PushConfig['serviceHosts']): boolean {
  if (allowed === '*') return true
  return allowed.some((h) => host === h || host.endsWith(`.${h}`))
}

/**
 * Why the server must not POST to this endpoint, or null. The endpoint must be at a configured
 * push service (a host or a subdomain of one), on port 443 or a configured port, and an address
 * written in it must be public unless the operator named that address.
 */
export function pushEndpointProblem(url: URL, config: PushConfig): string | null {
  const host = bareHost(url)
  // The server POSTs to whatever endpoint is stored: only push services, never an arbitrary host.
  if (!isOnPushService(host, config.serviceHosts)) return `${url.hostname} is not a known push service`
  if (!config.allowedPorts.includes(portOf(url)))
    return `Push endpoints must use port ${config.allowedPorts.join(', ')}`
  if (net.isIP(host) && !isPublicAddress(host) && !namedByOperator(host, config))
    return `${host} is not a public address`
  return null
}

/**
 * With PUSH_SERVICE_HOSTS=* any host is a push service: then it must also resolve only to public
 * addresses when the subscription is saved (the connection checks again).
 */
export async function pushHostResolvesPublic(url: URL, config: PushConfig): Promise<boolean> {
  const host = bareHost(url)
  if (config.serviceHosts !== '*' || net.isIP(host)) return true
  try {
    const found = await dns.promises.lookup(host, { all: true })
    return found.length > 0 && found.every((a) => isPublicAddress(a.address))
  } catch {
    return false
  }
}

/** Connections to push services skip non-public addresses, except at hosts the operator named. */
export function pushLookup(config: PushConfig): LookupFunction {
  return publicOnlyLookup((host) => namedByOperator(host, config))
}
