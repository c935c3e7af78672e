import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import { dccPayloadSchema } from '@server/health/dcc/dcc.payload.ts'
import type { TrustedKey, Verdict, VerifyEnv } from '@server/health/dcc/dcc.verify.ts'
import { verifyHc1 } from '@server/health/dcc/dcc.verify.ts'
import { inflate } from '@server/health/dcc/zlib.ts'
import type { RevocationList, TrustCertificate } from '@server/health/health.schema.ts'
import { Decoder, Encoder } from 'cbor-x'
import { z } from 'zod'

const decoder = new Decoder({ mapsAsObjects: false, useRecords: false })
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
})

const b64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/** The DCC 1.3.0 schema, the same definition the server checks with. */
const payloadSchema = dccPayloadSchema(z)

const ALGS: Record<
  number,
  {
    import: EcKeyImportParams | RsaHashedImportParams
    verify: AlgorithmIdentifier | EcdsaParams | RsaPssParams
  }
> = {
  [-7]: { import: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
  [-37]: { import: { name: 'RSA-PSS', hash: 'SHA-256' }, verify: { name: 'RSA-PSS', saltLength: 32 } },
}

/** A trust-list entry as WebCrypto checks signatures with it (the key imported once per algorithm). */
function trustedKey(entry: TrustCertificate): TrustedKey {
  const cert = new x509.X509Certificate(b64(entry.rawData))
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension)
  const spki = new Uint8Array(cert.publicKey.rawData)
  const imported = new Map<number, Promise<CryptoKey>>()
  return {
    kid: entry.kid,
    country: entry.country,
    ekus: (eku?.usages ?? []).map(String),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    async verify(alg, signature, data) {
      const a = ALGS[alg]
      if (!a) return false
      let key = imported.get(alg)
      if (!key) {
        key = crypto.subtle.importKey('spki', spki, a.import, false, ['verify'])
        imported.set(alg, key)
      }
      return crypto.subtle.verify(a.verify, await key, signature as BufferSource, data as BufferSource)
    },
  }
}

export interface Lists {
  trust: { certificates: TrustCertificate[] }
  revocations: RevocationList
  /** When they were fetched (ISO). */
  loadedAt: string
}

/** A verifier over loaded lists: no network is needed from here on. */
export function browserVerifier(lists: Lists) {
  const keys: TrustedKey[] = []
  for (const entry of lists.trust.certificates) {
    try {
      keys.push(trustedKey(entry))
    } catch {
      // A certificate the browser cannot parse is left out, not fatal.
    }
  }
  const revoked = new Set(lists.revocations.batches.flatMap((b) => b.entries.map((e) => e.hash)))
  const env: VerifyEnv = {
    cbor: { decode: (bytes) => decoder.decode(bytes), encode: (value) => encoder.encode(value) },
    inflate,
    sha256: async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)),
    keys: (kid) => (kid === null ? keys : keys.filter((k) => k.kid === kid)),
    isRevoked: (hash) => revoked.has(hash),
    schema: (hcert) => payloadSchema.safeParse(hcert).success,
  }
  return (qr: string, at = new Date()): Promise<Verdict> => verifyHc1(qr, at, env)
}
