import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { badRequest } from '../errors/app-error.ts'

/**
 * Text PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair (not a
 * character at all: it has no UTF-8 form).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const isBadText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text)

/** A date, or a date and time, as ISO 8601 writes it (`2024-05-01`, `2024-05-01T08:00:00+08:00`). */
const ISO_DATE =
  /^([+-]\d{6}|\d{4})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Years no record of any kind holds. Outside them, dates such as 0000 (no such year in
 * PostgreSQL) or 9999 (a day later is year 10000, which no ISO string of ours can write) reach
 * the database only to fail there. The range is wide on purpose: a domain's own narrower rule (a
 * birth date between 1900 and today) stays its module's, with its own code.
 */
export const EARLIEST_YEAR = 1000
export const LATEST_YEAR = 8999

export type InputProblem = { kind: 'bad_text' | 'date_out_of_range'; path: string }

function textProblem(text: string, path: string): InputProblem | null {
  if (isBadText(text)) return { kind: 'bad_text', path }
  const date = ISO_DATE.exec(text)
  if (date?.[1]) {
    const year = Number(date[1])
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { kind: 'date_out_of_range', path }
  }
  return null
}

const MAX_DEPTH = 64

/** The first string (value or key) in a parsed body, query or path that no route should take, or null. */
export function findInputProblem(value: unknown, path = '', depth = 0): InputProblem | null {
  if (typeof value === 'string') return textProblem(value, path)
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return null
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return null
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key))
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findInputProblem(item, join(i), depth + 1)
      if (found) return found
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    // The key as JSON escapes it: the path stays printable.
    if (isBadText(key)) return { kind: 'bad_text', path: join(JSON.stringify(key).slice(1, -1)) }
    const found = findInputProblem(item, join(key), depth + 1)
    if (found) return found
  }
  return null
}

/** Paths as validation errors write them: `name` in the body, `querystring.q`, `params.id`. */
function refuse(problem: InputProblem, part: 'params' | 'querystring' | 'body') {
  const path = part === 'body' ? problem.path || 'body' : `${part}${problem.path ? `.${problem.path}` : ''}`
  if (problem.kind === 'bad_text') {
    const message = 'must not contain NUL characters or unpaired surrogates'
    return badRequest('validation.bad_text', `${path}: ${message}`, { errors: [{ path, message }] })
  }
  // A date no schema would take either: answered as the schema's own refusals are, so clients
  // that mark the field of a validation.failed mark this one too.
  const message = `must be a date between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`
  return badRequest('validation.failed', `${path}: ${message}`, { errors: [{ path, message }] })
}

/**
 * One check for every route, before its schema: text the database cannot store
 * (validation.bad_text) and dates outside any record's range (validation.failed) are refused as
 * 400s, wherever they sit in the body, query or path.
 */
export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const problem = findInputProblem(value)
      if (problem) throw refuse(problem, part)
    }
  })
})
