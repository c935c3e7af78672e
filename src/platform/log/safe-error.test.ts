import { describe, expect, it } from 'vitest'
import { safeError } from './safe-error.ts'

/** A database error as pg and PGlite throw it, with the statement's values attached. */
function databaseError(code: string, message: string) {
  return Object.assign(new Error(message), {
    code,
    severity: 'ERROR',
    detail: 'Key (email)=(wang.fang@example.org) already exists.',
    where: "unnamed portal parameter $1 = '王芳'",
    routine: 'DateTimeParseError',
    table: 'contacts',
    query: 'insert into contacts (summary) values ($1)',
    params: ['王芳', '+8613800000000'],
  })
}

describe('safeError', () => {
  it("keeps a database error's SQLSTATE and names, never its values", () => {
    const logged = JSON.stringify(
      safeError(databaseError('23505', 'duplicate key value violates "users_email_key"')),
    )
    expect(logged).toContain('23505')
    expect(logged).toContain('users_email_key')
    expect(logged).toContain('contacts')
    for (const value of ['wang.fang', '王芳', '+8613800000000', 'insert into'])
      expect(logged).not.toContain(value)
  })

  it("takes the quoted values out of a data exception's message", () => {
    const safe = safeError(databaseError('22008', 'date/time field value out of range: "0000-01-01"'))
    expect(safe.message).toBe('date/time field value out of range: "…"')
    expect(safe.stack).toBeUndefined()
  })

  it('keeps type, code and stack frames of other errors, without double-quoted excerpts', () => {
    const err = Object.assign(new SyntaxError('Unexpected token, "王芳 +8613800000000" is not valid JSON'), {
      code: 'E_JSON',
      body: '王芳',
    })
    const safe = safeError(new Error('while reading', { cause: err }))
    expect(safe.type).toBe('Error')
    expect(safe.stack).toMatch(/^Error: while reading\n\s+at /)
    expect(safe.cause).toMatchObject({ type: 'SyntaxError', code: 'E_JSON' })
    expect(JSON.stringify(safe)).not.toContain('王芳')
  })

  it('describes what is not an Error by its known fields only', () => {
    expect(safeError({ type: 'X', message: 'm "secret"', params: ['王芳'] })).toEqual({
      type: 'X',
      message: 'm "…"',
    })
    expect(safeError('failed for "王芳"')).toEqual({ type: 'string', message: 'failed for "…"' })
  })
})
