import { describe, expect, it } from 'vitest'
import { findInputProblem } from './input-guard.ts'

describe('findInputProblem', () => {
  it('finds NUL characters and unpaired surrogates anywhere, keys included', () => {
    expect(findInputProblem({ a: ['ok', { b: 'x\u0000y' }] })).toEqual({ kind: 'bad_text', path: 'a.1.b' })
    expect(findInputProblem({ t: 'high \ud800 alone' })).toEqual({ kind: 'bad_text', path: 't' })
    expect(findInputProblem({ t: 'low \udc00 alone' })).toEqual({ kind: 'bad_text', path: 't' })
    expect(findInputProblem({ t: 'reversed \udc00\ud800' })).toEqual({ kind: 'bad_text', path: 't' })
    expect(findInputProblem({ 'k\u0000': 1 })).toEqual({ kind: 'bad_text', path: 'k\\u0000' })
    expect(findInputProblem('\u0000')).toEqual({ kind: 'bad_text', path: '' })
  })

  it('lets whole characters, other control characters and non-text values through', () => {
    expect(findInputProblem({ t: '🆘 领事 \t\n', n: 1, b: true, z: null, list: [] })).toBeNull()
    expect(findInputProblem(Buffer.from([0, 0xd8, 0]))).toBeNull()
    expect(findInputProblem(undefined)).toBeNull()
  })

  it('finds dates no record holds, in either ISO form', () => {
    for (const date of [
      '0000-01-01',
      '9999-12-31',
      '9999-12-31T23:59:59+00:00',
      '0999-12-31',
      '9000-01-01T00:00Z',
    ])
      expect(findInputProblem({ on: date })).toEqual({ kind: 'date_out_of_range', path: 'on' })
    expect(findInputProblem({ on: '+010000-01-01T00:00:00Z' })).toMatchObject({ kind: 'date_out_of_range' })
    expect(findInputProblem({ on: '-000001-01-01' })).toMatchObject({ kind: 'date_out_of_range' })
  })

  it('lets dates in range, and text that merely starts like a date, through', () => {
    for (const text of ['1000-01-01', '8999-12-31T23:59:59.999Z', '2024-05-01T08:00:00+08:00', '2999-01-01'])
      expect(findInputProblem({ on: text })).toBeNull()
    expect(findInputProblem({ note: '9999-12-31 was the placeholder we used' })).toBeNull()
    expect(findInputProblem({ passport: 'E12345678', phone: '+8613800000000' })).toBeNull()
  })
})
