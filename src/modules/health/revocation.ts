import { createHash } from 'node:crypto'
import { ISSUING_COUNTRY } from './health.enums.ts'

/** COUNTRYCODEUCI: the first 16 bytes of SHA-256 over "CN" and the UVCI as in the certificate, Base64. */
export function revocationHashOf(uvci: string, country = ISSUING_COUNTRY): string {
  return createHash('sha256')
    .update(country + uvci, 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('base64')
}
