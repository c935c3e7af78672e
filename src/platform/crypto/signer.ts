import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/** 128 bits: short enough for a link in a text message, far beyond guessing. */
const SIGNATURE_BYTES = 16

/**
 * HMAC-SHA256 signatures over a purpose and a list of parts, for links and tokens the server
 * hands out and later takes back (a one-click answer in an e-mail). The key is derived from
 * the key for data at rest, so every instance signs alike and nothing new has to be kept.
 */
export class Signer {
  private readonly key: Buffer

  constructor(hexKey: string) {
    const master = Buffer.from(hexKey, 'hex')
    if (master.length !== 32) throw new Error('The signing key must be derived from a 32-byte key')
    this.key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'lingshi signer v1', 32))
  }

  /** base64url; the same purpose and parts always give the same signature. */
  sign(purpose: string, parts: readonly string[]): string {
    return this.mac(purpose, parts).toString('base64url')
  }

  /** Constant-time; any malformed signature is simply not valid. */
  verify(purpose: string, parts: readonly string[], signature: string): boolean {
    if (typeof signature !== 'string') return false
    // The text is compared, not its decoding: base64url's spare low bits would let one signature
    // be written several ways.
    const given = Buffer.from(signature, 'utf8')
    const expected = Buffer.from(this.sign(purpose, parts), 'utf8')
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  private mac(purpose: string, parts: readonly string[]): Buffer {
    const hmac = createHmac('sha256', this.key)
    // Each field is length-prefixed, so ["ab", "c"] and ["a", "bc"] never sign alike.
    for (const field of [purpose, ...parts]) {
      const bytes = Buffer.from(field, 'utf8')
      const length = Buffer.alloc(4)
      length.writeUInt32BE(bytes.length)
      hmac.update(length).update(bytes)
    }
    return hmac.digest().subarray(0, SIGNATURE_BYTES)
  }
}
