/** Base45 (RFC 9285), the QR alphanumeric alphabet: the DCC's text encoding. No Node or DOM imports. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
/** Character code → value, -1 outside the alphabet: a table, as decoding runs once per scan. */
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

/** The alphabet's character codes, to write into bytes and make one string at the end. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0))

export function encodeBase45(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2)
  let o = 0
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = ((bytes[i] as number) << 8) | (bytes[i + 1] as number)
    const c = n % 45
    n = (n - c) / 45
    const d = n % 45
    out[o++] = CODES[c] as number
    out[o++] = CODES[d] as number
    out[o++] = CODES[(n - d) / 45] as number
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number
    out[o++] = CODES[n % 45] as number
    out[o++] = CODES[Math.floor(n / 45)] as number
  }
  let text = ''
  for (let i = 0; i < out.length; i += 4096)
    text += String.fromCharCode.apply(null, out.subarray(i, i + 4096) as unknown as number[])
  return text
}

export class Base45Error extends Error {}

function valueAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  const v = code < 128 ? (VALUE[code] as number) : -1
  if (v < 0) throw new Base45Error(`Base45: "${text[i]}" is not in the alphabet`)
  return v
}

/** Decodes Base45; a character outside the alphabet, a dangling character or a value out of range throws. */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('Base45: a dangling character')
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let o = 0
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = valueAt(text, i) + valueAt(text, i + 1) * 45 + valueAt(text, i + 2) * 2025
      if (n > 0xffff) throw new Base45Error('Base45: a triple out of range')
      out[o++] = n >> 8
      out[o++] = n & 0xff
    } else {
      const n = valueAt(text, i) + valueAt(text, i + 1) * 45
      if (n > 0xff) throw new Base45Error('Base45: a pair out of range')
      out[o++] = n
    }
  }
  return out
}
