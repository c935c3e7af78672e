import { isDatabaseError } from '../errors/database-error.ts'

/** What a log line says about an error: never the values it was handed. */
export interface SafeError {
  type: string
  message: string
  code?: string
  stack?: string
  /** For database errors: where it happened (names of things, never values). */
  routine?: string
  table?: string
  column?: string
  constraint?: string
  dataType?: string
  cause?: SafeError
  errors?: SafeError[]
}

const MAX_MESSAGE = 300
const MAX_DEPTH = 3
const MAX_AGGREGATED = 5

const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s)
/** Values are quoted in error messages ('invalid input syntax for type uuid: "…"', JSON excerpts). */
const withoutDoubleQuoted = (s: string) => s.replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
const withoutQuoted = (s: string) => withoutDoubleQuoted(s).replace(/'(?:[^'\\]|\\.)*'/g, "'…'")

/**
 * An error as it may be logged. A database error keeps its SQLSTATE, message and the names of what
 * it concerns; its parameters, query, `detail` ("Key (email)=(…)") and `where` ("parameter $1 =
 * '…'") stay out, and so do the quoted values in a data exception's message. Other errors keep
 * their type, code and stack, their message without double-quoted excerpts.
 */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return safeNonError(err)
  if (isDatabaseError(err)) {
    const dataException = err.code.startsWith('22')
    const safe: SafeError = {
      type: 'DatabaseError',
      code: err.code,
      message: clip(dataException ? withoutQuoted(err.message) : err.message),
    }
    for (const key of ['routine', 'table', 'column', 'constraint', 'dataType'] as const) {
      const value = err[key]
      if (typeof value === 'string') safe[key] = value
    }
    return safe
  }
  const type = err.constructor?.name && err.constructor.name !== 'Error' ? err.constructor.name : err.name
  const message = clip(withoutDoubleQuoted(err.message))
  const safe: SafeError = { type, message }
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' || typeof code === 'number') safe.code = String(code)
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  safe.stack = [`${type}: ${message}`, ...frames].join('\n')
  if (depth < MAX_DEPTH) {
    if (err.cause !== undefined) safe.cause = safeError(err.cause, depth + 1)
    if (err instanceof AggregateError) {
      safe.errors = err.errors.slice(0, MAX_AGGREGATED).map((e: unknown) => safeError(e, depth + 1))
    }
  }
  return safe
}

const KEPT_FIELDS = ['code', 'stack', 'routine', 'table', 'column', 'constraint', 'dataType'] as const

/** A thrown string or an error already described: only the known fields, the message cleaned again. */
function safeNonError(err: unknown): SafeError {
  if (typeof err === 'string') return { type: 'string', message: clip(withoutDoubleQuoted(err)) }
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: String(err) }
  const source = err as Record<string, unknown>
  const safe: SafeError = {
    type: typeof source.type === 'string' ? source.type : 'object',
    message: typeof source.message === 'string' ? clip(withoutDoubleQuoted(source.message)) : '',
  }
  for (const key of KEPT_FIELDS) {
    const value = source[key]
    if (typeof value === 'string') safe[key] = value
  }
  return safe
}
