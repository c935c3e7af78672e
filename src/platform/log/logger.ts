import type { FastifyBaseLogger } from 'fastify'
import pino, { type DestinationStream, type LevelWithSilent, type LoggerOptions } from 'pino'
import { safeError } from './safe-error.ts'

/**
 * Secrets that must never reach a log line, wherever a caller puts them: session cookies and
 * credentials in headers, passwords and tokens in logged objects.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'request.headers.cookie',
  'request.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'res.headers["set-cookie"]',
  'reply.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
]

interface RequestLike {
  method?: string
  url?: string
  ip?: string
  routeOptions?: { url?: string }
}

/** A request in a log line: method, path and route. The query string (names searched, signed links) stays out. */
function safeRequest(req: RequestLike) {
  return {
    method: req.method,
    url: req.url?.split('?')[0],
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  }
}

export function loggerOptions(level: LevelWithSilent): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: safeError,
      error: safeError,
      req: safeRequest,
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
  }
}

/** The process's logger (JSON lines on stdout unless given a destination), safe by default. */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): FastifyBaseLogger {
  const logger = destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level))
  return logger as unknown as FastifyBaseLogger
}
