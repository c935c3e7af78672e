import dns from 'node:dns'
import net, { type LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'

/** Global unicast IPv6 (RFC 4291): everything else is local, special or unassigned. */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3')
/** Well-known NAT64 prefix (RFC 6052): a DNS64 resolver writes public IPv4 hosts this way. */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96')

function isPublicIPv4(address: ipaddr.IPv4): boolean {
  // ipaddr.js names every special range (private, loopback, link-local, CGNAT, multicast,
  // broadcast, documentation, benchmarking, 240/4, 0/8 …); only plain unicast is public.
  return address.range() === 'unicast'
}

function isPublicIPv6(address: ipaddr.IPv6): boolean {
  // An IPv4 address written as IPv6 is judged as that IPv4 address.
  if (address.isIPv4MappedAddress()) return isPublicIPv4(address.toIPv4Address())
  if (address.match(NAT64))
    return isPublicIPv4(ipaddr.fromByteArray(address.toByteArray().slice(12)) as ipaddr.IPv4)
  // 6to4 (2002::/16), Teredo (2001::/32), IPv4-compatible (::/96), SIIT, local-use NAT64 and
  // the rest of the transition forms can carry a private IPv4 address: none is public here.
  return address.range() === 'unicast' && address.match(GLOBAL_UNICAST)
}

/**
 * Whether a server may connect to this address on a user's behalf: a public unicast address,
 * not loopback, private, link-local, shared (CGNAT), unique-local, multicast, documentation or
 * reserved, nor any IPv6 transition or mapped form of one.
 */
export function isPublicAddress(text: string): boolean {
  // Only canonical forms: ipaddr.js also reads "127.1" and "0x7f.0.0.1", which no resolver returns.
  if (net.isIP(text) === 0) return false
  const address = ipaddr.parse(text)
  return address.kind() === 'ipv4'
    ? isPublicIPv4(address as ipaddr.IPv4)
    : isPublicIPv6(address as ipaddr.IPv6)
}

/** The port a URL connects to, written or implied by its scheme. */
export function portOf(url: URL): number {
  if (url.port) return Number(url.port)
  return url.protocol === 'http:' ? 80 : 443
}

/** The error code of a connection refused because its host resolved only to non-public addresses. */
export const NOT_PUBLIC_CODE = 'ELINGSHI_NOT_PUBLIC'

/**
 * A DNS lookup for connections to user-supplied hosts that drops non-public addresses, so a host
 * that turned private after it was checked (DNS rebinding) is not reached. Hosts the operator
 * trusts (`trusted`) resolve as usual.
 */
export function publicOnlyLookup(trusted: (hostname: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    const allowAny = trusted(hostname.toLowerCase())
    dns.lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, '', 0)
      const usable = allowAny ? found : found.filter((a) => isPublicAddress(a.address))
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
