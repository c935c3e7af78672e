import { describe, expect, it } from 'vitest'
import { parseTd3 } from './mrz.ts'

const L1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'
const L2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'

describe('ICAO 9303 TD3 MRZ', () => {
  it('reads the ICAO specimen with every check digit right', () => {
    expect(parseTd3(`${L1}\n${L2}`, new Date('2026-12-07'))).toEqual({
      valid: true,
      documentType: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      checks: { documentNumber: true, dateOfBirth: true, expiryDate: true, optional: true, composite: true },
    })
  })

  it.each([
    ['documentNumber', 9, '7'],
    ['dateOfBirth', 19, '3'],
    ['expiryDate', 27, '8'],
    ['optional', 42, '2'],
    ['composite', 43, '1'],
  ] as const)('a wrong %s check digit is found and makes the MRZ invalid', (check, at, digit) => {
    const wrong = L2.slice(0, at) + digit + L2.slice(at + 1)
    const r = parseTd3(`${L1}\n${wrong}`)
    expect(r.valid).toBe(false)
    expect(r.checks[check]).toBe(false)
  })

  it('takes the birth year as the latest not in the future, the expiry as 20YY', () => {
    const born = `${L2.slice(0, 13)}2501017${L2.slice(20)}`
    expect(parseTd3(`${L1}\n${born}`, new Date('2026-01-01')).dateOfBirth).toBe('2025-01-01')
    expect(parseTd3(`${L1}\n${born}`, new Date('2024-06-01')).dateOfBirth).toBe('1925-01-01')
    expect(parseTd3(`${L1}\n${L2}`).expiryDate).toBe('2012-04-15')
  })

  it.each([
    ['one line', L1],
    ['short lines', `${L1.slice(1)}\n${L2}`],
    ['three lines', `${L1}\n${L2}\n${L2}`],
    ['lower-case or foreign characters', `${L1}\n${L2.replace('L', 'é')}`],
  ])('refuses %s as mrz.format', (_, text) => {
    expect(() => parseTd3(text)).toThrow(expect.objectContaining({ code: 'mrz.format', status: 422 }))
  })
})
