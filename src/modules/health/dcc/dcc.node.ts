import { constants, createHash, type KeyObject, sign, verify, X509Certificate } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'
import { Decoder, Encoder, Tag } from 'cbor-x'
import { encodeBase45 } from './base45.ts'
import type { DccPayload } from './dcc.payload.ts'
import { type Cbor, type TrustedKey, toBase64, type VerifyEnv } from './dcc.verify.ts'

const decoder = new Decoder({ mapsAsObjects: false, useRecords: false })
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
})

/** cbor-x set for the DCC: maps stay Maps, byte strings plain (not typed-array tags), no records. */
export const nodeCbor: Cbor = {
  decode: (bytes) => decoder.decode(bytes),
  encode: (value) => encoder.encode(value),
}
const encodeCbor = nodeCbor.encode

/** kid: the first 8 bytes of the SHA-256 of the signer certificate's DER, Base64. */
export function kidOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest().subarray(0, 8).toString('base64')
}

export function thumbprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex')
}

/** A trust-list certificate as Node checks signatures with it. */
export function nodeTrustedKey(der: Uint8Array, country: string): TrustedKey {
  const cert = new X509Certificate(der)
  const key = cert.publicKey
  return {
    kid: kidOf(der),
    country,
    ekus: cert.keyUsage ?? [],
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    verify: (alg, signature, data) => verifyCose(key, alg, signature, data),
  }
}

function verifyCose(key: KeyObject, alg: number, signature: Uint8Array, data: Uint8Array): boolean {
  switch (alg) {
    case -7:
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
    case -35:
      return verify('sha384', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
    case -37:
      return verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        signature,
      )
    default:
      return false
  }
}

/** The verification environment on the server: Node's zlib, hash and the given keys and revocations. */
export function nodeVerifyEnv(
  keys: (kid: string | null) => readonly TrustedKey[],
  isRevoked: (hash: string) => boolean,
): VerifyEnv {
  return {
    cbor: nodeCbor,
    inflate: (bytes) => inflateSync(bytes),
    sha256: (bytes) => createHash('sha256').update(bytes).digest(),
    keys,
    isRevoked,
  }
}

export interface SigningKey {
  /** The kid as 8 raw bytes. */
  readonly kid: Uint8Array
  readonly privateKey: KeyObject
}

export interface CwtTimes {
  readonly issuer: string
  readonly issuedAt: number
  readonly expiresAt: number
}

/** The HC1 string of a payload: CWT → COSE_Sign1 (ES256, kid protected) → zlib → Base45 → "HC1:". */
export function encodeHc1(payload: DccPayload, times: CwtTimes, key: SigningKey): string {
  const protectedBytes = encodeCbor(
    new Map<number, unknown>([
      [1, -7],
      [4, key.kid],
    ]),
  )
  const claims = encodeCbor(
    new Map<number, unknown>([
      [1, times.issuer],
      [4, times.expiresAt],
      [6, times.issuedAt],
      [-260, new Map([[1, payload]])],
    ]),
  )
  const toSign = encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), claims])
  const signature = sign('sha256', toSign, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  const cose = encodeCbor(new Tag([protectedBytes, new Map(), claims, signature], 18))
  return `HC1:${encodeBase45(deflateSync(cose, { level: 9 }))}`
}

export { toBase64 }
