import { X509Certificate } from 'node:crypto'
import type { AppContext } from '../../context.ts'
import { unknownCountries } from '../reference/index.ts'
import { revokedCertificates } from './certificate.repository.ts'
import { kidOf, nodeTrustedKey, thumbprintOf } from './dcc/dcc.node.ts'
import type { TrustedKey } from './dcc/dcc.verify.ts'
import { healthError } from './health.errors.ts'
import type { TrustCertificate } from './health.schema.ts'
import { revocationHashOf } from './revocation.ts'
import { listTrustEntries, upsertTrustEntry } from './trust.repository.ts'

/** A certificate given as PEM or Base64 DER, parsed; anything else is refused as 422. */
export function parseCertificate(text: string): { der: Buffer; cert: X509Certificate } {
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text)
  const b64 = (pem ? pem[1] : text)?.replace(/\s+/g, '') ?? ''
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
    throw healthError('health.not_a_certificate', 'Not a certificate: expected Base64 DER or PEM')
  const der = Buffer.from(b64, 'base64')
  try {
    return { der, cert: new X509Certificate(der) }
  } catch {
    throw healthError('health.not_a_certificate', 'Not an X.509 certificate')
  }
}

/** An administrator adds a foreign (or any) signer certificate to the trust list. */
export async function addTrustEntry(
  ctx: AppContext,
  by: string,
  body: { certificate: string; country: string },
): Promise<{ created: boolean; kid: string; country: string }> {
  const { der, cert } = parseCertificate(body.certificate)
  if ((await unknownCountries(ctx.db, [body.country])).length > 0)
    throw healthError('health.unknown_country', `Unknown country ${body.country}`)
  const kid = kidOf(der)
  const created = await upsertTrustEntry(ctx.db, {
    thumbprint: thumbprintOf(der),
    kid,
    country: body.country,
    raw_data: der.toString('base64'),
    not_before: new Date(cert.validFrom),
    not_after: new Date(cert.validTo),
    own: false,
    added_by: by,
  })
  if (created) forgetVerifierState(ctx)
  return { created, kid, country: body.country }
}

export async function trustList(ctx: AppContext): Promise<{ certificates: TrustCertificate[] }> {
  const rows = await listTrustEntries(ctx.db)
  return {
    certificates: rows.map((r) => ({
      kid: r.kid,
      country: r.country,
      certificateType: r.certificate_type,
      rawData: r.raw_data,
      thumbprint: r.thumbprint,
      notBefore: r.not_before.toISOString(),
      notAfter: r.not_after.toISOString(),
    })),
  }
}

/** What the server's verifier holds in memory: keys by kid and revocation hashes. */
export interface VerifierState {
  readonly loadedAt: number
  readonly byKid: ReadonlyMap<string, readonly TrustedKey[]>
  readonly all: readonly TrustedKey[]
  readonly revoked: ReadonlySet<string>
  /** Parsed keys by certificate thumbprint, carried into the next load (parsing costs more than reading). */
  readonly keys: ReadonlyMap<string, TrustedKey>
}

/**
 * The verify route reads the trust list and the revocations from memory, reloaded from the
 * database when older than this: a revocation (or a trust-list entry) made on another instance
 * shows within it; made on this instance, at once (the state is dropped). Past the age a request
 * still answers from the state it has while one reload runs, unless the state is older than
 * STATE_MAX_STALE_MS (then it waits for the reload): a revocation shows within 2 × 5 s at worst.
 */
export const STATE_TTL_MS = 5_000
const STATE_MAX_STALE_MS = 2 * STATE_TTL_MS

interface Held {
  state: VerifierState | null
  loading: Promise<VerifierState> | null
  /** Bumped when this instance changes the lists: a reload begun before does not overwrite. */
  generation: number
}
const held = new WeakMap<AppContext, Held>()

function holder(ctx: AppContext): Held {
  let h = held.get(ctx)
  if (!h) {
    h = { state: null, loading: null, generation: 0 }
    held.set(ctx, h)
  }
  return h
}

/** This instance changed the trust list or the revocations: the next verification reloads. */
export function forgetVerifierState(ctx: AppContext): void {
  const h = holder(ctx)
  h.generation++
  h.loading = null
  if (h.state) h.state = { ...h.state, loadedAt: Number.NEGATIVE_INFINITY }
}

async function loadState(
  ctx: AppContext,
  previous: VerifierState | null,
  now: number,
): Promise<VerifierState> {
  const [entries, revoked] = await Promise.all([listTrustEntries(ctx.db), revokedCertificates(ctx.db)])
  const byKid = new Map<string, TrustedKey[]>()
  const keys = new Map<string, TrustedKey>()
  const all: TrustedKey[] = []
  for (const e of entries) {
    const key =
      previous?.keys.get(e.thumbprint) ?? nodeTrustedKey(Buffer.from(e.raw_data, 'base64'), e.country)
    keys.set(e.thumbprint, key)
    all.push(key)
    const same = byKid.get(e.kid)
    if (same) same.push(key)
    else byKid.set(e.kid, [key])
  }
  return {
    loadedAt: now,
    byKid,
    all,
    keys,
    revoked: new Set(revoked.map((r) => revocationHashOf(r.uvci))),
  }
}

function reload(ctx: AppContext, h: Held, now: number): Promise<VerifierState> {
  if (h.loading) return h.loading
  const generation = h.generation
  const loading = loadState(ctx, h.state, now).then(
    (state) => {
      if (h.generation === generation) {
        h.state = state
        h.loading = null
      }
      return state
    },
    (error: unknown) => {
      if (h.generation === generation) h.loading = null
      throw error
    },
  )
  h.loading = loading
  return loading
}

/** The state to verify with at `now` (milliseconds; the clock is a parameter for tests). */
export async function verifierState(ctx: AppContext, now = Date.now()): Promise<VerifierState> {
  const h = holder(ctx)
  const state = h.state
  const age = state ? now - state.loadedAt : Number.POSITIVE_INFINITY
  if (state && age < STATE_TTL_MS) return state
  if (state && age < STATE_MAX_STALE_MS) {
    // Fresh enough to answer now; the reload runs meanwhile (a failed one is retried next time).
    reload(ctx, h, now).catch(() => undefined)
    return state
  }
  return reload(ctx, h, now)
}
