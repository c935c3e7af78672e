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
}

/** Other instances' changes are seen within this many milliseconds; this instance's at once. */
const STATE_TTL_MS = 5_000
const states = new WeakMap<AppContext, Promise<VerifierState>>()

export function forgetVerifierState(ctx: AppContext): void {
  states.delete(ctx)
}

async function loadState(ctx: AppContext): Promise<VerifierState> {
  const [entries, revoked] = await Promise.all([listTrustEntries(ctx.db), revokedCertificates(ctx.db)])
  const byKid = new Map<string, TrustedKey[]>()
  const all: TrustedKey[] = []
  for (const e of entries) {
    const key = nodeTrustedKey(Buffer.from(e.raw_data, 'base64'), e.country)
    all.push(key)
    byKid.set(e.kid, [...(byKid.get(e.kid) ?? []), key])
  }
  return {
    loadedAt: Date.now(),
    byKid,
    all,
    revoked: new Set(revoked.map((r) => revocationHashOf(r.uvci))),
  }
}

export async function verifierState(ctx: AppContext): Promise<VerifierState> {
  const cached = states.get(ctx)
  if (cached) {
    const state = await cached
    if (Date.now() - state.loadedAt < STATE_TTL_MS) return state
  }
  const loading = loadState(ctx)
  states.set(ctx, loading)
  loading.catch(() => states.delete(ctx))
  return loading
}
