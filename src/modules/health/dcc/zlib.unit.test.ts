import { deflateSync, inflateSync, constants as zc } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deflate, inflate, ZlibError } from './zlib.ts'

/** Bytes as a CWT has them: runs of text and of random bytes. */
const cwtLike = fc
  .array(fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.stringMatching(/^[A-Za-z<0-9 -]{0,60}$/)), {
    maxLength: 30,
  })
  .map((parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))))

describe('zlib in plain TypeScript', () => {
  it('what it deflates, Node inflates, and the other way round, at every level and strategy', () => {
    fc.assert(
      fc.property(cwtLike, fc.integer({ min: 0, max: 9 }), fc.boolean(), (data, level, fixed) => {
        expect(Buffer.compare(inflateSync(deflate(data)), data)).toBe(0)
        expect(Buffer.compare(inflate(deflate(data)), data)).toBe(0)
        const node = deflateSync(data, { level, ...(fixed ? { strategy: zc.Z_FIXED } : {}) })
        expect(Buffer.compare(inflate(node), data)).toBe(0)
      }),
      { numRuns: 400 },
    )
  })

  it('is never larger than a stored block, and compresses what repeats', () => {
    const text = Buffer.from('MUSTERMANN<ERIKA '.repeat(20))
    expect(deflate(text).length).toBeLessThan(text.length / 4)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(deflate(data).length).toBeLessThanOrEqual(data.length + 11)
      }),
    )
  })

  it('refuses damaged input with a ZlibError, never another error or a wrong answer', () => {
    const good = deflateSync(Buffer.from('HC1 payload '.repeat(30)), { level: 9 })
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = Buffer.from(good)
        bad[at] = (bad[at] as number) ^ flip
        let ours: Uint8Array | Error
        try {
          ours = inflate(bad)
        } catch (e) {
          ours = e as Error
        }
        if (ours instanceof Error) expect(ours).toBeInstanceOf(ZlibError)
        else expect(Buffer.compare(ours, inflateSync(bad))).toBe(0)
      }),
      { numRuns: 500 },
    )
    expect(() => inflate(Uint8Array.of(1, 2, 3))).toThrow(ZlibError)
    expect(() => inflate(good.subarray(0, good.length - 6))).toThrow(ZlibError)
  })

  it('stops at the output limit (a small code cannot expand into megabytes)', () => {
    const bomb = deflateSync(Buffer.alloc(1_000_000), { level: 9 })
    expect(bomb.length).toBeLessThan(2_000)
    expect(() => inflate(bomb)).toThrow(/too large/)
    expect(inflate(bomb, 1_000_000).length).toBe(1_000_000)
  })
})
