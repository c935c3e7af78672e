import { describe, expect, it } from 'vitest'
import { SecretBox } from './secret-box.ts'

describe('SecretBox', () => {
  const box = new SecretBox('0f'.repeat(32))

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('E12345678')
    const b = box.seal('E12345678')
    expect(a).not.toBe(b)
    expect(box.open(a)).toBe('E12345678')
    expect(box.open(b)).toBe('E12345678')
  })

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = box.seal('secret')
    const parts = sealed.split(':')
    parts[3] = Buffer.from('other').toString('base64url')
    expect(() => box.open(parts.join(':'))).toThrow()
    expect(() => new SecretBox('1e'.repeat(32)).open(sealed)).toThrow()
  })
})
