/**
 * zlib (RFC 1950/1951) for the few hundred bytes of a health certificate, in plain TypeScript with
 * no imports: the server and the browser verifier run the same code. Node's zlib builds a stream, a
 * native context and a 16 KiB output buffer for each call, which costs more than compressing a
 * CWT; this runs in a few microseconds.
 *
 * - `inflate` reads every block type (stored, fixed and dynamic Huffman), checks the header and
 *   the Adler-32, and refuses output past `maxBytes` (a certificate never needs 64 KiB).
 * - `deflate` writes one fixed-Huffman block with LZ77 matches (hash chains), or a stored block
 *   when that is smaller: within a few bytes of zlib -9 on a CWT, whose signature and
 *   identifiers do not compress.
 */
export class ZlibError extends Error {}

const LENGTH_BASE = new Uint16Array([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
])
const LENGTH_EXTRA = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
])
const DIST_BASE = new Uint16Array([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
])
const DIST_EXTRA = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
])
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

function adler32(data: Uint8Array, start: number, end: number): number {
  let a = 1
  let b = 0
  for (let i = start; i < end; ) {
    const stop = Math.min(end, i + 3800)
    for (; i < stop; i++) {
      a += data[i] as number
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

function reverse(code: number, len: number): number {
  let r = 0
  for (let i = 0; i < len; i++) {
    r = (r << 1) | (code & 1)
    code >>= 1
  }
  return r
}

// ---------------------------------------------------------------------------------------------
// Inflate (canonical Huffman decoding as in zlib's puff.c)

interface Huffman {
  count: Uint16Array
  symbol: Uint16Array
  /** Codes of up to FAST_BITS bits by their next FAST_BITS input bits: symbol << 4 | length; 0 for longer. */
  fast: Uint16Array
}
const FAST_BITS = 9
const newHuffman = (symbols: number): Huffman => ({
  count: new Uint16Array(16),
  symbol: new Uint16Array(symbols),
  fast: new Uint16Array(1 << FAST_BITS),
})

/** Builds a decoding table from code lengths; false when the lengths over-subscribe the code space. */
function buildHuffman(h: Huffman, lengths: Uint8Array, n: number): boolean {
  h.count.fill(0)
  for (let s = 0; s < n; s++) (h.count[lengths[s] as number] as number)++
  if (h.count[0] === n) return true
  let left = 1
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - (h.count[len] as number)
    if (left < 0) return false
  }
  const offs = new Uint16Array(16)
  for (let len = 1; len < 15; len++) offs[len + 1] = (offs[len] as number) + (h.count[len] as number)
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) h.symbol[(offs[lengths[s] as number] as number)++] = s
  // Canonical codes in order of length then symbol; the short ones go into the lookup table,
  // bit-reversed as they arrive (deflate sends Huffman codes from their first bit).
  h.fast.fill(0)
  let code = 0
  let index = 0
  for (let len = 1; len <= FAST_BITS; len++) {
    for (let k = 0; k < (h.count[len] as number); k++, code++) {
      const entry = ((h.symbol[index++] as number) << 4) | len
      for (let r = reverse(code, len); r < 1 << FAST_BITS; r += 1 << len) h.fast[r] = entry
    }
    code <<= 1
  }
  return true
}

const FIXED_LENGTH = newHuffman(288)
const FIXED_DIST = newHuffman(30)
{
  const l = new Uint8Array(288)
  l.fill(8, 0, 144)
  l.fill(9, 144, 256)
  l.fill(7, 256, 280)
  l.fill(8, 280, 288)
  buildHuffman(FIXED_LENGTH, l, 288)
  buildHuffman(FIXED_DIST, new Uint8Array(30).fill(5), 30)
}

class Inflater {
  pos: number
  bitBuf = 0
  bitCount = 0
  out: Uint8Array
  outLen = 0
  constructor(
    readonly src: Uint8Array,
    start: number,
    readonly end: number,
    readonly max: number,
  ) {
    this.pos = start
    this.out = new Uint8Array(Math.min(max, Math.max(1024, (end - start) * 4)))
  }

  bits(need: number): number {
    let val = this.bitBuf
    while (this.bitCount < need) {
      if (this.pos >= this.end) throw new ZlibError('zlib: input ends early')
      val |= (this.src[this.pos++] as number) << this.bitCount
      this.bitCount += 8
    }
    this.bitBuf = val >>> need
    this.bitCount -= need
    return val & ((1 << need) - 1)
  }

  room(n: number): void {
    const need = this.outLen + n
    if (need <= this.out.length) return
    if (need > this.max) throw new ZlibError('zlib: output too large')
    const grown = new Uint8Array(Math.min(this.max, Math.max(need, this.out.length * 2)))
    grown.set(this.out.subarray(0, this.outLen))
    this.out = grown
  }

  decode(h: Huffman): number {
    while (this.bitCount < FAST_BITS && this.pos < this.end) {
      this.bitBuf |= (this.src[this.pos++] as number) << this.bitCount
      this.bitCount += 8
    }
    const entry = h.fast[this.bitBuf & ((1 << FAST_BITS) - 1)] as number
    const len = entry & 15
    if (entry !== 0 && len <= this.bitCount) {
      this.bitBuf >>>= len
      this.bitCount -= len
      return entry >> 4
    }
    let code = 0
    let first = 0
    let index = 0
    for (let len = 1; len <= 15; len++) {
      code |= this.bits(1)
      const count = h.count[len] as number
      if (code - count < first) return h.symbol[index + (code - first)] as number
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw new ZlibError('zlib: bad Huffman code')
  }

  stored(): void {
    this.bitBuf = 0
    this.bitCount = 0
    if (this.pos + 4 > this.end) throw new ZlibError('zlib: input ends early')
    const s = this.src
    const len = (s[this.pos] as number) | ((s[this.pos + 1] as number) << 8)
    const nlen = (s[this.pos + 2] as number) | ((s[this.pos + 3] as number) << 8)
    if (len !== (~nlen & 0xffff)) throw new ZlibError('zlib: stored block length')
    this.pos += 4
    if (this.pos + len > this.end) throw new ZlibError('zlib: input ends early')
    this.room(len)
    this.out.set(s.subarray(this.pos, this.pos + len), this.outLen)
    this.outLen += len
    this.pos += len
  }

  codes(lencode: Huffman, distcode: Huffman): void {
    for (;;) {
      let symbol = this.decode(lencode)
      if (symbol < 256) {
        this.room(1)
        this.out[this.outLen++] = symbol
      } else if (symbol === 256) {
        return
      } else {
        symbol -= 257
        if (symbol >= 29) throw new ZlibError('zlib: bad length symbol')
        const len = (LENGTH_BASE[symbol] as number) + this.bits(LENGTH_EXTRA[symbol] as number)
        const ds = this.decode(distcode)
        if (ds >= 30) throw new ZlibError('zlib: bad distance symbol')
        const dist = (DIST_BASE[ds] as number) + this.bits(DIST_EXTRA[ds] as number)
        if (dist > this.outLen) throw new ZlibError('zlib: distance too far back')
        this.room(len)
        const out = this.out
        let o = this.outLen
        for (let i = 0; i < len; i++, o++) out[o] = out[o - dist] as number
        this.outLen = o
      }
    }
  }

  dynamic(): void {
    const nlen = this.bits(5) + 257
    const ndist = this.bits(5) + 1
    const ncode = this.bits(4) + 4
    if (nlen > 286 || ndist > 30) throw new ZlibError('zlib: bad counts')
    const lengths = new Uint8Array(320)
    for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i] as number] = this.bits(3)
    const lencode = newHuffman(288)
    const distcode = newHuffman(30)
    if (!buildHuffman(lencode, lengths, 19)) throw new ZlibError('zlib: bad code lengths')
    const all = new Uint8Array(nlen + ndist)
    for (let i = 0; i < nlen + ndist; ) {
      const symbol = this.decode(lencode)
      if (symbol < 16) {
        all[i++] = symbol
        continue
      }
      let len = 0
      let repeat: number
      if (symbol === 16) {
        if (i === 0) throw new ZlibError('zlib: repeat with no first length')
        len = all[i - 1] as number
        repeat = 3 + this.bits(2)
      } else if (symbol === 17) repeat = 3 + this.bits(3)
      else repeat = 11 + this.bits(7)
      if (i + repeat > nlen + ndist) throw new ZlibError('zlib: too many lengths')
      while (repeat--) all[i++] = len
    }
    if (all[256] === 0) throw new ZlibError('zlib: no end-of-block code')
    if (!buildHuffman(lencode, all.subarray(0, nlen), nlen)) throw new ZlibError('zlib: bad literal lengths')
    if (!buildHuffman(distcode, all.subarray(nlen), ndist)) throw new ZlibError('zlib: bad distance lengths')
    this.codes(lencode, distcode)
  }
}

/** Decompresses a zlib stream (RFC 1950); throws ZlibError on anything malformed. */
export function inflate(data: Uint8Array, maxBytes = 65_536): Uint8Array {
  if (data.length < 6) throw new ZlibError('zlib: too short')
  const cmf = data[0] as number
  const flg = data[1] as number
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0)
    throw new ZlibError('zlib: bad header')
  if (flg & 0x20) throw new ZlibError('zlib: preset dictionary')
  const z = new Inflater(data, 2, data.length - 4, maxBytes)
  let last: number
  do {
    last = z.bits(1)
    const type = z.bits(2)
    if (type === 0) z.stored()
    else if (type === 1) z.codes(FIXED_LENGTH, FIXED_DIST)
    else if (type === 2) z.dynamic()
    else throw new ZlibError('zlib: bad block type')
  } while (!last)
  const e = data.length - 4
  const expected =
    (((data[e] as number) << 24) |
      ((data[e + 1] as number) << 16) |
      ((data[e + 2] as number) << 8) |
      (data[e + 3] as number)) >>>
    0
  if (adler32(z.out, 0, z.outLen) !== expected) throw new ZlibError('zlib: checksum')
  return z.out.subarray(0, z.outLen)
}

// ---------------------------------------------------------------------------------------------
// Deflate: one fixed-Huffman block, LZ77 over hash chains

/** Fixed literal/length codes, bit-reversed for LSB-first output, and their lengths. */
const LIT_CODE = new Uint16Array(288)
const LIT_LEN = new Uint8Array(288)
const DIST_CODE = new Uint8Array(30)
for (let s = 0; s < 288; s++) {
  const [base, first, len] =
    s < 144 ? [0x30, 0, 8] : s < 256 ? [0x190, 144, 9] : s < 280 ? [0, 256, 7] : [0xc0, 280, 8]
  LIT_CODE[s] = reverse(base + s - first, len)
  LIT_LEN[s] = len
}
for (let d = 0; d < 30; d++) DIST_CODE[d] = reverse(d, 5)
/** Length 3..258 → its symbol index (0..28); distance 1..32768 → its code, through two tables. */
const LENGTH_SYMBOL = new Uint8Array(259)
for (let s = 0; s < 29; s++)
  for (
    let l = LENGTH_BASE[s] as number;
    l < (LENGTH_BASE[s] as number) + (1 << (LENGTH_EXTRA[s] as number));
    l++
  )
    if (l <= 258) LENGTH_SYMBOL[l] = s
LENGTH_SYMBOL[258] = 28
function distSymbol(d: number): number {
  let s = 0
  while (s < 29 && (DIST_BASE[s + 1] as number) <= d) s++
  return s
}

const HASH_BITS = 10
/** A hash of the 3 bytes at i (multiplicative, the top HASH_BITS bits). */
function hashAt(data: Uint8Array, i: number): number {
  const v = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number)
  return Math.imul(v, 0x9e3779b1) >>> (32 - HASH_BITS)
}
const HASH_SIZE = 1 << HASH_BITS
const MAX_CHAIN = 16
const WINDOW = 32_768

/** Scratch tables kept between calls (deflate is synchronous): fewer allocations, less GC. */
const head = new Int32Array(HASH_SIZE)
let prevScratch = new Int32Array(2048)
let outScratch = new Uint8Array(2048)

class BitWriter {
  buf: Uint8Array
  pos = 0
  acc = 0
  count = 0
  constructor(size: number) {
    if (outScratch.length < size) outScratch = new Uint8Array(size * 2)
    this.buf = outScratch
  }
  put(value: number, bits: number): void {
    this.acc |= value << this.count
    this.count += bits
    while (this.count >= 8) {
      this.buf[this.pos++] = this.acc & 0xff
      this.acc >>>= 8
      this.count -= 8
    }
  }
  flush(): void {
    if (this.count > 0) this.buf[this.pos++] = this.acc & 0xff
    this.acc = 0
    this.count = 0
  }
}

/** Compresses into a zlib stream any inflater reads (header 78 DA, as zlib -9 writes it). */
export function deflate(data: Uint8Array): Uint8Array {
  const n = data.length
  // Fixed codes take at most 9 bits a literal: n * 9/8 bits, the headers and the checksum.
  const w = new BitWriter(Math.ceil((n * 9) / 8) + 16)
  w.buf[0] = 0x78
  w.buf[1] = 0xda
  w.pos = 2
  w.put(1, 1) // BFINAL
  w.put(1, 2) // fixed Huffman
  // Positions + 1 (0: none); prev[i] is written before it is read, head is cleared.
  head.fill(0)
  if (prevScratch.length < n) prevScratch = new Int32Array(n * 2)
  const prev = prevScratch
  let i = 0
  while (i < n) {
    let bestLen = 0
    let bestDist = 0
    if (i + 2 < n) {
      const h = hashAt(data, i)
      let j = (head[h] as number) - 1
      let chain = MAX_CHAIN
      const limit = Math.min(258, n - i)
      while (j >= 0 && i - j <= WINDOW && chain-- > 0) {
        if (data[j + bestLen] === data[i + bestLen]) {
          let l = 0
          while (l < limit && data[j + l] === data[i + l]) l++
          if (l > bestLen) {
            bestLen = l
            bestDist = i - j
            if (l === limit) break
          }
        }
        j = (prev[j] as number) - 1
      }
      prev[i] = head[h] as number
      head[h] = i + 1
    }
    if (bestLen >= 3) {
      const ls = LENGTH_SYMBOL[bestLen] as number
      w.put(LIT_CODE[257 + ls] as number, LIT_LEN[257 + ls] as number)
      w.put(bestLen - (LENGTH_BASE[ls] as number), LENGTH_EXTRA[ls] as number)
      const ds = distSymbol(bestDist)
      w.put(DIST_CODE[ds] as number, 5)
      w.put(bestDist - (DIST_BASE[ds] as number), DIST_EXTRA[ds] as number)
      // Index the positions the match covers, so later matches can start inside it.
      for (let k = i + 1; k < i + bestLen && k + 2 < n; k++) {
        const h = hashAt(data, k)
        prev[k] = head[h] as number
        head[h] = k + 1
      }
      i += bestLen
    } else {
      const b = data[i] as number
      w.put(LIT_CODE[b] as number, LIT_LEN[b] as number)
      i++
    }
  }
  w.put(LIT_CODE[256] as number, LIT_LEN[256] as number)
  w.flush()
  let out: Uint8Array
  let end = w.pos
  if (end - 2 > n + 5 && n <= 0xffff) {
    // Stored is smaller: BFINAL, type 0, LEN, NLEN, the bytes.
    out = new Uint8Array(n + 11)
    out[0] = 0x78
    out[1] = 0xda
    out[2] = 1
    out[3] = n & 0xff
    out[4] = n >> 8
    out[5] = ~n & 0xff
    out[6] = (~n >> 8) & 0xff
    out.set(data, 7)
    end = 7 + n
  } else {
    out = new Uint8Array(end + 4)
    out.set(w.buf.subarray(0, end))
  }
  const a = adler32(data, 0, n)
  out[end] = a >>> 24
  out[end + 1] = (a >>> 16) & 0xff
  out[end + 2] = (a >>> 8) & 0xff
  out[end + 3] = a & 0xff
  return out
}
