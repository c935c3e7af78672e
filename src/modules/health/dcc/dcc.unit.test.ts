import { describe, expect, it } from 'vitest'
import { dccVectors, expectedChecks } from '../../../../test/health/dcc-vectors.ts'
import { decodeBase45, encodeBase45 } from './base45.ts'
import { isDccPayload, nodeTrustedKey, nodeVerifyEnv } from './dcc.node.ts'
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

describe('the payload schema (DCC JSON schema 1.3.0, compiled once)', () => {
  const v = {
    tg: '840539006',
    vp: '1119349007',
    mp: 'EU/1/20/1528',
    ma: 'ORG-100030215',
    dn: 2,
    sd: 2,
    dt: '2026-11-20',
    co: 'JP',
    is: 'Ministry',
    ci: 'URN:UVCI:01:CN:ABC',
  }
  const t = {
    tg: '840539006',
    tt: 'LP217198-3',
    ma: '1232',
    sc: '2026-11-20T08:00:00Z',
    tr: '260415000',
    tc: 'Tokyo',
    co: 'JP',
    is: 'Ministry',
    ci: 'URN:UVCI:01:CN:DEF',
  }
  const base = { ver: '1.3.0', nam: { fn: 'Müller', fnt: 'MUELLER' }, dob: '1980-07-01' }

  it('accepts what the schema accepts, unknown members included', () => {
    expect(isDccPayload({ ...base, v: [v] })).toBe(true)
    expect(isDccPayload({ ...base, t: [t] })).toBe(true)
    expect(isDccPayload({ ...base, dob: '1980', v: [{ ...v, extra: 1 }], later: true })).toBe(true)
    expect(isDccPayload({ ...base, dob: '', v: [v] })).toBe(true)
  })

  it.each([
    ['no entry', { ...base }],
    ['two kinds of entry', { ...base, v: [v], t: [t] }],
    ['two entries', { ...base, v: [v, v] }],
    ['no fnt', { ...base, nam: { fn: 'X' }, v: [v] }],
    ['fnt not as the MRZ writes it', { ...base, nam: { fnt: 'Müller' }, v: [v] }],
    ['a name over 80 characters', { ...base, nam: { fnt: 'A', fn: 'x'.repeat(81) }, v: [v] }],
    ['dob out of range', { ...base, dob: '1899-01-01', v: [v] }],
    ['ver not semantic', { ...base, ver: '1.3', v: [v] }],
    ['dose 0', { ...base, v: [{ ...v, dn: 0 }] }],
    ['dose not an integer', { ...base, v: [{ ...v, sd: 1.5 }] }],
    ['dt not a full date', { ...base, v: [{ ...v, dt: '2026-11' }] }],
    ['dt an impossible date', { ...base, v: [{ ...v, dt: '2026-02-30' }] }],
    ['sc without an offset', { ...base, t: [{ ...t, sc: '2026-11-20T08:00:00' }] }],
    ['co in lower case', { ...base, v: [{ ...v, co: 'jp' }] }],
    ['no ci', { ...base, v: [{ ...v, ci: undefined }] }],
    ['is over 80 characters', { ...base, v: [{ ...v, is: 'x'.repeat(81) }] }],
  ])('refuses %s', (_name, payload) => {
    expect(isDccPayload(payload)).toBe(false)
  })
})
