import { describe, expect, it } from 'vitest'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, isValidCreditCode } from './credit-code.ts'

/** Codes printed on real business licences (public registers). */
const REAL = ['91440300708461136T', '91110000802100433B', '91330100716105852F', '91310000MA1FL1MMXL']

describe('unified social credit code (GB 32100-2015)', () => {
  it('has the 31-character alphabet of the standard: no I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31)
    for (const c of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(c)
  })

  it('accepts real codes', () => {
    for (const code of REAL) expect(isValidCreditCode(code), code).toBe(true)
    expect(isValidCreditCode(' 91440300708461136t ')).toBe(true)
  })

  it('refuses a code with any one character changed', () => {
    const code = '91440300708461136T'
    for (let i = 0; i < code.length; i++) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === code[i]) continue
        const changed = code.slice(0, i) + c + code.slice(i + 1)
        expect(isValidCreditCode(changed), changed).toBe(false)
      }
    }
  })

  it('refuses wrong lengths and letters outside the alphabet', () => {
    expect(isValidCreditCode('91440300708461136')).toBe(false)
    expect(isValidCreditCode('91440300708461136TT')).toBe(false)
    expect(isValidCreditCode('9144030070846113IT')).toBe(false)
    expect(creditCodeCheckChar('9144030070846113')).toBeNull()
  })
})
