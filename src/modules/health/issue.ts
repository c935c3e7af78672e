import { randomBytes } from 'node:crypto'
import { encodeHc1 } from './dcc/dcc.node.ts'
import type { DccPayload } from './dcc/dcc.payload.ts'
import { icaoTransliterate } from './dcc/icao.ts'
import { DISEASE_COVID19, ISSUING_COUNTRY, PRODUCTS, type Product } from './health.enums.ts'
import type { ActiveSigner } from './signer.ts'

export const ISSUER_NAME = 'Ministry of Foreign Affairs of the P.R. China (Lingshi)'
const VALIDITY_SECONDS = 365 * 24 * 3600
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `URN:UVCI:01:CN:` and 128 random bits (26 characters): opaque, never reused (a unique column besides). */
export function newUvci(): string {
  let n = BigInt(`0x${randomBytes(16).toString('hex')}`)
  let out = ''
  for (let i = 0; i < 26; i++) {
    out = (CROCKFORD[Number(n & 31n)] as string) + out
    n >>= 5n
  }
  return `URN:UVCI:01:${ISSUING_COUNTRY}:${out}`
}

export interface VaccinationFacts {
  surname: string
  givenNames: string | null
  dateOfBirth: string
  product: Product
  manufacturer: string
  doseNumber: number
  seriesDoses: number
  date: string
  country: string
}

export function vaccinationPayload(f: VaccinationFacts, uvci: string): DccPayload {
  return {
    ver: '1.3.0',
    nam: {
      fn: f.surname,
      fnt: icaoTransliterate(f.surname),
      ...(f.givenNames ? { gn: f.givenNames, gnt: icaoTransliterate(f.givenNames) } : {}),
    },
    dob: f.dateOfBirth,
    v: [
      {
        tg: DISEASE_COVID19,
        vp: PRODUCTS[f.product].vp,
        mp: f.product,
        ma: f.manufacturer,
        dn: f.doseNumber,
        sd: f.seriesDoses,
        dt: f.date,
        co: f.country,
        is: ISSUER_NAME,
        ci: uvci,
      },
    ],
  }
}

interface Holder {
  surname: string
  givenNames: string | null
  dateOfBirth: string
}

function holder(f: Holder) {
  return {
    ver: '1.3.0',
    nam: {
      fn: f.surname,
      fnt: icaoTransliterate(f.surname),
      ...(f.givenNames ? { gn: f.givenNames, gnt: icaoTransliterate(f.givenNames) } : {}),
    },
    dob: f.dateOfBirth,
  }
}

export interface TestFacts extends Holder {
  type: string
  name: string | undefined
  manufacturer: string | undefined
  sampledAt: string
  result: string
  centre: string
  country: string
}

export function testPayload(f: TestFacts, uvci: string): DccPayload {
  return {
    ...holder(f),
    t: [
      {
        tg: DISEASE_COVID19,
        tt: f.type,
        ...(f.name ? { nm: f.name } : {}),
        ...(f.manufacturer ? { ma: f.manufacturer } : {}),
        sc: f.sampledAt,
        tr: f.result,
        tc: f.centre,
        co: f.country,
        is: ISSUER_NAME,
        ci: uvci,
      },
    ],
  }
}

export interface RecoveryFacts extends Holder {
  firstPositive: string
  validFrom: string
  validUntil: string
  country: string
}

export function recoveryPayload(f: RecoveryFacts, uvci: string): DccPayload {
  return {
    ...holder(f),
    r: [
      {
        tg: DISEASE_COVID19,
        fr: f.firstPositive,
        co: f.country,
        is: ISSUER_NAME,
        df: f.validFrom,
        du: f.validUntil,
        ci: uvci,
      },
    ],
  }
}

export interface Issued {
  uvci: string
  qr: string
  issuedAt: Date
  expiresAt: Date
}

/**
 * Signs a payload: CWT `exp` is a year on (a vaccination), never past the signer certificate's
 * `notAfter` nor past `until` when given (a recovery's last valid day, a test's validity).
 */
export function signPayload(
  payload: DccPayload,
  uvci: string,
  signer: ActiveSigner,
  now = new Date(),
  until?: Date,
): Issued {
  const iat = Math.floor(now.getTime() / 1000)
  const exp = Math.min(
    iat + VALIDITY_SECONDS,
    Math.floor(signer.notAfter.getTime() / 1000),
    until ? Math.floor(until.getTime() / 1000) : Number.POSITIVE_INFINITY,
  )
  const qr = encodeHc1(
    payload,
    { issuer: ISSUING_COUNTRY, issuedAt: iat, expiresAt: exp },
    { kid: signer.kidBytes, privateKey: signer.privateKey },
  )
  return { uvci, qr, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) }
}
