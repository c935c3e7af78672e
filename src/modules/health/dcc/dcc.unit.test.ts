import { describe, expect, it } from 'vitest'
import { dccVectors, expectedChecks } from '../../../../test/health/dcc-vectors.ts'
import { decodeBase45, encodeBase45 } from './base45.ts'
import { nodeTrustedKey, nodeVerifyEnv } from './dcc.node.ts'
import { verifyHc1 } from './dcc.verify.ts'
import { icaoTransliterate } from './icao.ts'

describe('DCC building blocks', () => {
  it('Base45 round-trips and refuses what RFC 9285 refuses', () => {
    expect(encodeBase45(new TextEncoder().encode('AB'))).toBe('BB8')
    expect(encodeBase45(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0')
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0'))).toBe('ietf!')
    expect(() => decodeBase45('GGW')).toThrow() // 65536 + …: out of range
    expect(() => decodeBase45('AB=')).toThrow()
    expect(() => decodeBase45('ABCD')).toThrow()
  })

  it('transliterates names as ICAO 9303 writes them in the MRZ', () => {
    expect(icaoTransliterate('Löfström')).toBe('LOEFSTROEM')
    expect(icaoTransliterate('Müller-Lüdenscheidt')).toBe('MUELLER<LUEDENSCHEIDT')
    expect(icaoTransliterate("O'Brien")).toBe('OBRIEN')
    expect(icaoTransliterate('Xiao Ming')).toBe('XIAO<MING')
    expect(icaoTransliterate('Łukasz Ørsted Straße')).toBe('LUKASZ<OERSTED<STRASSE')
    expect(icaoTransliterate('José')).toBe('JOSE')
  })
})

describe('the dgc-testdata vectors, verified with their own signer certificate (core, no database)', () => {
  for (const v of dccVectors()) {
    it(`${v.name}: ${expectedChecks(v)
      .map(([c, e]) => `${c}=${e}`)
      .join(' ')}`, async () => {
      const key = nodeTrustedKey(Buffer.from(v.certificate, 'base64'), 'XX')
      const env = nodeVerifyEnv(
        (kid) => (kid === null || kid === key.kid ? [key] : []),
        () => false,
      )
      const verdict = await verifyHc1(v.prefix, new Date(v.clock), env)
      for (const [check, expected] of expectedChecks(v))
        expect({ check, got: verdict.checks[check as keyof typeof verdict.checks] }).toEqual({
          check,
          got: expected,
        })
    })
  }
})
