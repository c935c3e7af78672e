import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors/app-error.ts'
import { isDataException } from '../errors/database-error.ts'
import { safeError } from '../log/safe-error.ts'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  [extra: string]: unknown
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function problemBody(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://lingshi.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  }
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  const problem = problemBody(status, code, detail, extra)
  if (status === 429 && typeof extra.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(Math.ceil(extra.retryAfterSeconds)))
  }
  return reply.status(status).type('application/problem+json').send(problem)
}

export const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.bad_content_length' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'request.bad_content_type' },
  FST_ERR_VALIDATION: { status: 400, code: 'validation.failed' },
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'request.bad_url' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.param_too_long' },
}

interface ValidationIssue {
  instancePath?: string
  message?: string
  params?: { issue?: { path?: (string | number)[]; message?: string; code?: string } }
}

function describeValidation(err: FastifyError): {
  detail: string
  errors: { path: string; message: string }[]
} {
  const issues = (err.validation ?? []) as ValidationIssue[]
  const errors = issues.map((i) => {
    const path =
      i.params?.issue?.path?.join('.') ?? i.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? ''
    const where = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext}.` : ''
    return { path: `${where}${path}`, message: i.params?.issue?.message ?? i.message ?? 'is invalid' }
  })
  const first = errors[0]
  const detail = first ? `${first.path || err.validationContext || 'request'}: ${first.message}` : err.message
  return { detail, errors }
}

/** Every error leaves as RFC 9457 problem+json; 5xx internals are logged, never shown. */
export const problemPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) return sendProblem(reply, err.status, err.code, err.message, err.extra)
    if (err.validation) {
      const { detail, errors } = describeValidation(err)
      return sendProblem(reply, 400, 'validation.failed', detail, { errors })
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined
    if (known) return sendProblem(reply, known.status, known.code, err.message)
    if (err.statusCode === 429) return sendProblem(reply, 429, 'rate_limited', 'Too many requests, slow down')
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, err.statusCode, 'request.invalid', err.message)
    }
    const route = request.routeOptions.url
    // The safety net for values only the database refuses: the caller's fault, so a 400 (logged
    // as a warning with the SQLSTATE, never the values, so a missing check can be found and added).
    if (isDataException(err)) {
      request.log.warn({ err: safeError(err), route }, 'the database refused a value')
      return sendProblem(reply, 400, 'request.bad_value', 'A value in the request cannot be stored')
    }
    request.log.error({ err: safeError(err), route }, 'unhandled error')
    return sendProblem(reply, 500, 'internal', 'An internal error occurred; it has been logged')
  })
})
