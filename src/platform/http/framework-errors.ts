import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { FASTIFY_CODES, problemBody, sendProblem } from './problem.ts'

/**
 * Errors Fastify answers before any route or hook runs (a URL that is not UTF-8, a path
 * parameter over the router's length limit): problem+json like every other answer.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = (err.code && FASTIFY_CODES[err.code]) || { status: 400, code: 'request.bad_url' }
  reply.header('cache-control', 'no-store')
  return sendProblem(reply, known.status, known.code, err.message)
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request.headers_too_large',
    detail: 'The request line and headers are too large (a URL that long is refused)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request.timeout', detail: 'The request took too long' },
}

/**
 * What Node's HTTP parser refuses (headers or URL too long, a malformed request) never reaches
 * Fastify: the answer is written to the socket here, as problem+json, and the connection closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const known = (err.code && CLIENT_ERRORS[err.code]) || {
    status: 400,
    code: 'request.malformed',
    detail: 'The request is not well-formed HTTP',
  }
  if (socket.writable) {
    const body = JSON.stringify(problemBody(known.status, known.code, known.detail))
    socket.write(
      `HTTP/1.1 ${known.status} ${http.STATUS_CODES[known.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    )
  }
  socket.destroy(err)
}
