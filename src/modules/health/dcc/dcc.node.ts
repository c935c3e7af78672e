import { constants, createHash, hash, type KeyObject, sign, verify, X509Certificate } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import { Decoder, Encoder } from 'cbor-x'
import { z } from 'zod'
import { encodeBase45 } from './base45.ts'
import { type DccPayload, dccPayloadSchema } from './dcc.payload.ts'
import {
  bstrHead,
  type Cbor,
  concatBytes,
  SIG_STRUCTURE_HEAD,
  type TrustedKey,
  type VerifyEnv,
} from './dcc.verify.ts'
import { deflate, inflate } from './zlib.ts'

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

/** One-shot SHA-256 (no Hash object per call). */
const payloadSchema = dccPayloadSchema(z)
/** The DCC 1.3.0 schema check (built once). */
export const isDccPayload = (payload: unknown): boolean => payloadSchema.safeParse(payload).success

/**
 * zlib on the server: our own inflate for a first block that is stored or fixed Huffman (what
 * deflate() writes: faster than a Node zlib stream built per call), Node's for dynamic Huffman
 * (what most issuers' zlib -9 writes: Node's C decoder wins there). Output capped at 64 KiB.
 */
function inflateCwt(bytes: Uint8Array): Uint8Array {
  const blockType = bytes.length > 2 ? ((bytes[2] as number) >> 1) & 3 : 0
  return blockType === 2 ? inflateSync(bytes, { maxOutputLength: 65_536 }) : inflate(bytes)
}

const sha256 = (bytes: Uint8Array): Uint8Array => hash('sha256', bytes, 'buffer')

/** The verification environment on the server: Node's zlib, hash and the given keys and revocations. */
export function nodeVerifyEnv(
  keys: (kid: string | null) => readonly TrustedKey[],
  isRevoked: (hash: string) => boolean,
): VerifyEnv {
  return {
    cbor: nodeCbor,
    inflate: inflateCwt,
    sha256,
    schema: isDccPayload,
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

/** The protected header {1: -7 (ES256), 4: kid} as a byte string, once per signing key. */
const protectedHeaders = new WeakMap<Uint8Array, Uint8Array>()
function protectedHeaderOf(kid: Uint8Array): Uint8Array {
  let bstr = protectedHeaders.get(kid)
  if (!bstr) {
    const header = encoder.encode(
      new Map<number, unknown>([
        [1, -7],
        [4, kid],
      ]),
    )
    bstr = concatBytes([bstrHead(header.length), header])
    protectedHeaders.set(kid, bstr)
  }
  return bstr
}

/** Tag 18 (COSE_Sign1) + Array(4). */
const COSE_SIGN1_HEAD = Uint8Array.of(0xd2, 0x84)
const EMPTY_BSTR = Uint8Array.of(0x40)
const EMPTY_MAP = Uint8Array.of(0xa0)
const SIGNATURE_HEAD = Uint8Array.of(0x58, 64)

/**
 * The HC1 string of a payload: CWT → COSE_Sign1 (ES256, kid protected) → zlib → Base45 → "HC1:".
 * The claims are the one CBOR encoding; the Sig_structure and the COSE_Sign1 around them are
 * assembled from constant heads (RFC 9052 §4.4), so the bytes signed are the bytes sent.
 */
export function encodeHc1(payload: DccPayload, times: CwtTimes, key: SigningKey): string {
  const protectedBstr = protectedHeaderOf(key.kid)
  const claims = encoder.encode(
    new Map<number, unknown>([
      [1, times.issuer],
      [4, times.expiresAt],
      [6, times.issuedAt],
      [-260, new Map([[1, payload]])],
    ]),
  )
  const claimsHead = bstrHead(claims.length)
  const toSign = concatBytes([SIG_STRUCTURE_HEAD, protectedBstr, EMPTY_BSTR, claimsHead, claims])
  const signature = sign('sha256', toSign, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  const cose = concatBytes([
    COSE_SIGN1_HEAD,
    protectedBstr,
    EMPTY_MAP,
    claimsHead,
    claims,
    SIGNATURE_HEAD,
    signature,
  ])
  return `HC1:${encodeBase45(deflate(cose))}`
}
