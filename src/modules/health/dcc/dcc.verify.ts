import { decodeBase45 } from './base45.ts'

/**
 * The DCC verification steps, in the order of the specification. No Node or DOM imports: the
 * server and the browser verifier run this with their own CBOR, zlib, SHA-256 and signature check.
 * Called thousands of times a second on the server: no closures made per call, and a step whose
 * environment answers synchronously is not awaited (a promise per step costs more than the step).
 */
export const CHECKS = [
  'prefix',
  'base45',
  'zlib',
  'cose',
  'signature',
  'keyUsage',
  'expiry',
  'schema',
  'revoked',
] as const
export type CheckName = (typeof CHECKS)[number]
/** `true` passed (for `revoked`: is revoked), `false` failed, `null` not reached. */
export type Checks = Record<CheckName, boolean | null>
export type DccType = 'v' | 't' | 'r'

/** The extended key usages of a DSC that limit it to certificate types (the two OID arcs in use). */
export const DCC_EKU: Record<DccType, readonly string[]> = {
  t: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  v: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  r: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
}
const ALL_DCC_EKU = new Set(Object.values(DCC_EKU).flat())

/** A signer certificate of the trust list, ready to check signatures. */
export interface TrustedKey {
  readonly kid: string
  readonly country: string
  /** Extended key usage OIDs of the certificate (empty when it has none). */
  readonly ekus: readonly string[]
  readonly notBefore: Date
  readonly notAfter: Date
  /** COSE alg (-7 ES256, -37 PS256), the signature as in COSE, the Sig_structure bytes. */
  verify(alg: number, signature: Uint8Array, data: Uint8Array): boolean | Promise<boolean>
}

/** CBOR as the DCC needs it: maps as Map, byte strings as Uint8Array, tags as {tag, value}. */
export interface Cbor {
  decode(bytes: Uint8Array): unknown
  encode(value: unknown): Uint8Array
}

export interface VerifyEnv {
  readonly cbor: Cbor
  inflate(bytes: Uint8Array): Uint8Array | Promise<Uint8Array>
  sha256(bytes: Uint8Array): Uint8Array | Promise<Uint8Array>
  /** The keys with this kid (Base64), or every trusted key when the certificate names none. */
  keys(kid: string | null): readonly TrustedKey[]
  /** The revocation hash (COUNTRYCODEUCI, Base64) is on a list. */
  isRevoked(hash: string): boolean
  /** The payload passes the DCC schema (dcc.payload.ts, built with the caller's Zod). */
  schema(hcert: unknown): boolean
}

export interface Holder {
  fn: string | null
  gn: string | null
  dob: string
}

export interface Verdict {
  valid: boolean
  checks: Checks
  kid: string | null
  issuer: string | null
  type: DccType | null
  holder?: Holder
}

/** CBOR maps with text keys as plain objects, recursively (the payload is JSON-shaped). */
function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of value) out[String(k)] = toPlain(v)
    return out
  }
  if (Array.isArray(value)) return value.map(toPlain)
  return value
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += (B64[(n >> 18) & 63] as string) + (B64[(n >> 12) & 63] as string)
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] as string) : '='
    out += i + 2 < bytes.length ? (B64[n & 63] as string) : '='
  }
  return out
}

const bytesOf = (v: unknown): Uint8Array | null => (v instanceof Uint8Array ? v : null)

interface Decoded {
  protectedBytes: Uint8Array
  payloadBytes: Uint8Array
  signature: Uint8Array
  alg: number | null
  kid: string | null
  claims: Map<unknown, unknown>
  hcert: unknown
}

/** COSE_Sign1 (tagged 18 or bare) carrying a CWT with the health certificate claim -260 → 1. */
function decodeCose(decoder: Cbor, bytes: Uint8Array): Decoded {
  let top = decoder.decode(bytes) as unknown
  if (top && typeof top === 'object' && 'tag' in top && 'value' in top) {
    if ((top as { tag: number }).tag !== 18) throw new Error('not COSE_Sign1')
    top = (top as { value: unknown }).value
  }
  if (!Array.isArray(top) || top.length !== 4) throw new Error('not a COSE_Sign1 array')
  const [p, u, payload, signature] = top as [unknown, unknown, unknown, unknown]
  const protectedBytes = bytesOf(p)
  const payloadBytes = bytesOf(payload)
  const sig = bytesOf(signature)
  if (!protectedBytes || !payloadBytes || !sig) throw new Error('COSE members of the wrong type')
  const prot = protectedBytes.length === 0 ? new Map() : (decoder.decode(protectedBytes) as unknown)
  const unprot = u instanceof Map ? u : new Map()
  if (!(prot instanceof Map)) throw new Error('protected header is not a map')
  const kidBytes = bytesOf(prot.get(4)) ?? bytesOf(unprot.get(4))
  const algValue = prot.get(1) ?? unprot.get(1)
  const claims = decoder.decode(payloadBytes) as unknown
  if (!(claims instanceof Map)) throw new Error('CWT claims are not a map')
  const hc = claims.get(-260)
  const hcert = hc instanceof Map ? (hc.get(1) ?? hc.get('1')) : undefined
  if (hcert === undefined) throw new Error('no health certificate claim')
  return {
    protectedBytes,
    payloadBytes,
    signature: sig,
    alg: typeof algValue === 'number' ? algValue : null,
    kid: kidBytes ? toBase64(kidBytes) : null,
    claims,
    hcert: toPlain(hcert),
  }
}

/** The CBOR head of a byte string of `length` bytes (major type 2). */
export function bstrHead(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x40 | length)
  if (length < 0x100) return Uint8Array.of(0x58, length)
  if (length < 0x10000) return Uint8Array.of(0x59, length >> 8, length & 0xff)
  return Uint8Array.of(0x5a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff)
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** Array(4) + text(10) "Signature1": the start of every COSE_Sign1 Sig_structure. */
export const SIG_STRUCTURE_HEAD = Uint8Array.of(
  0x84,
  0x6a,
  ...Array.from('Signature1', (c) => c.charCodeAt(0)),
)
const EMPTY_BSTR = Uint8Array.of(0x40)

/** Sig_structure ["Signature1", protected, external_aad (empty), payload] (RFC 9052 §4.4). */
function sigStructure(d: Decoded): Uint8Array {
  return concatBytes([
    SIG_STRUCTURE_HEAD,
    bstrHead(d.protectedBytes.length),
    d.protectedBytes,
    EMPTY_BSTR,
    bstrHead(d.payloadBytes.length),
    d.payloadBytes,
  ])
}

/** The first trusted key the signature verifies with; synchronous while the keys answer so. */
function findSigner(d: Decoded, env: VerifyEnv): TrustedKey | null | Promise<TrustedKey | null> {
  if (d.alg === null) return null
  const data = sigStructure(d)
  const keys = env.keys(d.kid)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as TrustedKey
    let ok: boolean | Promise<boolean>
    try {
      ok = key.verify(d.alg, d.signature, data)
    } catch {
      continue // A key of another kind (RSA for an EC signature…) does not verify: try the next.
    }
    if (isPromise(ok)) return findSignerAsync(d.alg, d.signature, data, keys, i, ok)
    if (ok) return key
  }
  return null
}

async function findSignerAsync(
  alg: number,
  signature: Uint8Array,
  data: Uint8Array,
  keys: readonly TrustedKey[],
  from: number,
  pending: Promise<boolean>,
): Promise<TrustedKey | null> {
  for (let i = from; i < keys.length; i++) {
    const key = keys[i] as TrustedKey
    try {
      if (await (i === from ? pending : key.verify(alg, signature, data))) return key
    } catch {
      // As above: try the next key.
    }
  }
  return null
}

function typeOf(hcert: unknown): DccType | null {
  if (!hcert || typeof hcert !== 'object') return null
  for (const t of ['v', 't', 'r'] as const) if (Array.isArray((hcert as Record<string, unknown>)[t])) return t
  return null
}

function keyUsageAllows(key: TrustedKey, type: DccType | null): boolean {
  const dcc = key.ekus.filter((oid) => ALL_DCC_EKU.has(oid))
  if (dcc.length === 0) return true
  return type !== null && dcc.some((oid) => DCC_EKU[type].includes(oid))
}

function cwtTimesHold(claims: Map<unknown, unknown>, at: Date): boolean {
  const exp = claims.get(4)
  const iat = claims.get(6)
  const seconds = at.getTime() / 1000
  if (typeof exp !== 'number' || exp < seconds) return false
  return !(typeof iat === 'number' && iat > seconds + 300)
}

function uvciOf(hcert: unknown): string | null {
  const t = typeOf(hcert)
  const entry = t
    ? ((hcert as Record<string, unknown[]>)[t]?.[0] as Record<string, unknown> | undefined)
    : undefined
  return typeof entry?.ci === 'string' ? entry.ci : null
}

const str = (v: unknown) => (typeof v === 'string' ? v : null)

function holderOf(hcert: unknown): Holder | undefined {
  const h = hcert as { nam?: { fn?: unknown; gn?: unknown }; dob?: unknown } | null
  if (!h || typeof h.dob !== 'string') return undefined
  return { fn: str(h.nam?.fn), gn: str(h.nam?.gn), dob: h.dob }
}

const utf8 = new TextEncoder()
const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => v instanceof Promise

/** The revocation hash COUNTRYCODEUCI: the first 16 bytes of SHA-256 over the country and the UVCI, Base64. */
export async function revocationHash(env: Pick<VerifyEnv, 'sha256'>, country: string, uvci: string) {
  const digest = await env.sha256(utf8.encode(country + uvci))
  return toBase64(digest.subarray(0, 16))
}

export async function verifyHc1(qr: string, at: Date, env: VerifyEnv): Promise<Verdict> {
  const checks: Checks = {
    prefix: null,
    base45: null,
    zlib: null,
    cose: null,
    signature: null,
    keyUsage: null,
    expiry: null,
    schema: null,
    revoked: null,
  }
  const verdict: Verdict = { valid: false, checks, kid: null, issuer: null, type: null }
  const text = qr.trim()
  checks.prefix = text.startsWith('HC1:')
  if (!checks.prefix) return verdict
  let compressed: Uint8Array
  try {
    compressed = decodeBase45(text.slice(4))
    checks.base45 = true
  } catch {
    checks.base45 = false
    return verdict
  }
  let coseBytes: Uint8Array
  try {
    const inflated = env.inflate(compressed)
    coseBytes = isPromise(inflated) ? await inflated : inflated
    checks.zlib = true
  } catch {
    checks.zlib = false
    return verdict
  }
  let d: Decoded
  try {
    d = decodeCose(env.cbor, coseBytes)
    checks.cose = true
  } catch {
    checks.cose = false
    return verdict
  }
  verdict.kid = d.kid
  const iss = d.claims.get(1)
  verdict.issuer = typeof iss === 'string' ? iss : null
  verdict.type = typeOf(d.hcert)
  checks.schema = env.schema(d.hcert)
  const holder = holderOf(d.hcert)
  if (holder) verdict.holder = holder

  const found = findSigner(d, env)
  const signer = isPromise(found) ? await found : found
  checks.signature = signer !== null
  checks.keyUsage = signer ? keyUsageAllows(signer, verdict.type) : null
  checks.expiry =
    cwtTimesHold(d.claims, at) &&
    (signer === null ||
      (signer.notBefore.getTime() <= at.getTime() && at.getTime() <= signer.notAfter.getTime()))
  const uvci = uvciOf(d.hcert)
  if (uvci) {
    const country = verdict.issuer ?? signer?.country ?? ''
    const digest = env.sha256(utf8.encode(country + uvci))
    const hash = toBase64((isPromise(digest) ? await digest : digest).subarray(0, 16))
    checks.revoked = env.isRevoked(hash)
  }
  verdict.valid = signer !== null && checks.revoked === false
  for (const c of CHECKS) if (c !== 'revoked' && checks[c] !== true) verdict.valid = false
  return verdict
}
