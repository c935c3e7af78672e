import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The hosted payment page's signature: HMAC-SHA256 with the shared secret over the parameters
 * sorted by name as `name=value` joined by `&` (the signature itself left out), hex. Both ways use
 * it: the request that sends the citizen out and the provider's callback.
 */
export function signPayment(params: Readonly<Record<string, string>>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'signature')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&')
  return createHmac('sha256', secret).update(canonical).digest('hex')
}

export function verifyPayment(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = Buffer.from(params.signature ?? '', 'hex')
  const expected = Buffer.from(signPayment(params, secret), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
