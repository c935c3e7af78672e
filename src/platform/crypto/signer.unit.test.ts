import { describe, expect, it } from 'vitest'
import { Signer } from './signer.ts'

describe('Signer', () => {
  const signer = new Signer('0f'.repeat(32))
  const parts = ['0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-000000000002', 'safe']

  it('verifies what it signed, with at least 16 bytes of base64url', () => {
    const sig = signer.sign('alert.action', parts)
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(Buffer.from(sig, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect(signer.sign('alert.action', parts)).toBe(sig)
    expect(signer.verify('alert.action', parts, sig)).toBe(true)
  })

  it('refuses the signature for another purpose, person, answer or key', () => {
    const sig = signer.sign('alert.action', parts)
    expect(signer.verify('case.action', parts, sig)).toBe(false)
    expect(signer.verify('alert.action', [parts[0] ?? '', 'someone-else', 'safe'], sig)).toBe(false)
    expect(signer.verify('alert.action', [parts[0] ?? '', parts[1] ?? '', 'need_help'], sig)).toBe(false)
    expect(new Signer('1e'.repeat(32)).verify('alert.action', parts, sig)).toBe(false)
  })

  it('keeps the parts apart: moving a boundary changes the signature', () => {
    expect(signer.sign('p', ['ab', 'c'])).not.toBe(signer.sign('p', ['a', 'bc']))
    expect(signer.sign('p', ['a', 'b'])).not.toBe(signer.sign('p.a', ['b']))
  })

  it('answers false, never throws, for tampered, truncated or malformed signatures', () => {
    const sig = signer.sign('alert.action', parts)
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`
    for (const bad of [flipped, sig.slice(0, -2), `${sig}AA`, '', 'not a signature!', '====']) {
      expect(signer.verify('alert.action', parts, bad)).toBe(false)
    }
    expect(signer.verify('alert.action', parts, undefined as unknown as string)).toBe(false)
  })
})
