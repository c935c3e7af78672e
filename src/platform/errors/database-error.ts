/** What PostgreSQL reports about a failed statement (the server's and PGlite's errors alike). */
export interface DatabaseErrorLike extends Error {
  readonly code: string
  readonly severity: string
  readonly routine?: string
  readonly table?: string
  readonly column?: string
  readonly constraint?: string
  readonly dataType?: string
}

/** A PostgreSQL error: a five-character SQLSTATE beside a severity (a Node EPIPE has no severity). */
export function isDatabaseError(err: unknown): err is DatabaseErrorLike {
  if (!(err instanceof Error)) return false
  const { code, severity } = err as Partial<DatabaseErrorLike>
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
}

/**
 * Class 22, "data exception": a value the database cannot take (a NUL byte in text, a date out of
 * its range, a number too large, text that is no uuid). Such a value came from the caller.
 */
export function isDataException(err: unknown): err is DatabaseErrorLike {
  return isDatabaseError(err) && err.code.startsWith('22')
}
