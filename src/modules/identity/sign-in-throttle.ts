import ipaddr from 'ipaddr.js'
import { sha256Hex } from '../../platform/crypto/tokens.ts'

/**
 * The sign-in policy (docs/api.md, "Signing in"): no account is ever locked. Failures are counted
 * per address, per e-mail or phone (whether or not an account has it, so an unknown one behaves
 * like a known one) and per pair of both; each count is forgotten after a quiet quarter of an hour.
 *
 * - the pair's own failures bring a growing wait: 1 s after the 3rd, doubling up to a minute;
 * - an address with 10 failures, or an e-mail or phone with 5 (from anywhere), must solve a
 *   proof-of-work challenge for each further try, twice as hard for each failure beyond.
 *
 * A correct password with its challenge solved always signs in, whatever others have tried.
 */
export const QUIET_SECONDS = 15 * 60
const ADDRESS_FREE_FAILURES = 10
const ACCOUNT_FREE_FAILURES = 5
const PAIR_FREE_FAILURES = 3
const PAIR_MAX_WAIT_SECONDS = 60
export const MAX_CHALLENGE_LEVEL = 8

export interface SignInKeys {
  readonly address: string
  readonly account: string
  readonly pair: string
}

/** IPv6 clients are counted by their /64 (one household or server), IPv4 by their address. */
function addressOf(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown'
  const parsed = ipaddr.parse(ip)
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString()
    return `${v6.parts
      .slice(0, 4)
      .map((p) => p.toString(16))
      .join(':')}::/64`
  }
  return parsed.toString()
}

/** Hashed, so the table of failures holds no address, e-mail or phone number. */
export function signInKeys(ip: string | null, identifier: string): SignInKeys {
  const address = addressOf(ip)
  return {
    address: `address:${sha256Hex(address)}`,
    account: `account:${sha256Hex(identifier)}`,
    pair: `pair:${sha256Hex(`${address}\n${identifier}`)}`,
  }
}

export interface SignInState {
  readonly address: number
  readonly account: number
  readonly pair: number
  /** Seconds since the pair's last failure. */
  readonly pairAgeSeconds: number
}

export function stateOf(
  keys: SignInKeys,
  counts: readonly { key: string; failures: number; ageSeconds: number }[],
): SignInState {
  const of = (key: string) => counts.find((c) => c.key === key)
  return {
    address: of(keys.address)?.failures ?? 0,
    account: of(keys.account)?.failures ?? 0,
    pair: of(keys.pair)?.failures ?? 0,
    pairAgeSeconds: of(keys.pair)?.ageSeconds ?? Number.POSITIVE_INFINITY,
  }
}

/** 0: no challenge; else how hard the next try's challenge must be (1 to MAX_CHALLENGE_LEVEL). */
export function challengeLevel(state: SignInState): number {
  const beyond = Math.max(
    state.address - ADDRESS_FREE_FAILURES + 1,
    state.account - ACCOUNT_FREE_FAILURES + 1,
    0,
  )
  return Math.min(beyond, MAX_CHALLENGE_LEVEL)
}

/** How long this address must still wait before trying this account again (0: it may now). */
export function pairWaitSeconds(state: SignInState): number {
  if (state.pair < PAIR_FREE_FAILURES) return 0
  const wait = Math.min(2 ** (state.pair - PAIR_FREE_FAILURES), PAIR_MAX_WAIT_SECONDS)
  return Math.max(0, wait - state.pairAgeSeconds)
}
