import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

/** One request as the contract tests send it: JSON by default, or raw bytes with their type. */
export interface ContractRequest {
  readonly method: Method
  readonly url: string
  readonly cookie?: string | undefined
  /** A JSON body (sent as application/json). */
  readonly body?: unknown
  /** A raw body with its content type (multipart, XML, a JSON text that is not an object…). */
  readonly raw?: { readonly payload: string | Buffer; readonly contentType: string }
}

export function send(app: FastifyInstance, r: ContractRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {}
  if (r.cookie) headers.cookie = r.cookie
  let payload: string | Buffer | undefined
  if (r.raw) {
    headers['content-type'] = r.raw.contentType
    payload = r.raw.payload
  } else if (r.body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(r.body)
  }
  return app.inject({ method: r.method, url: r.url, headers, ...(payload === undefined ? {} : { payload }) })
}

/** `?a=1&b=2` from a record (values already strings), or '' when empty. */
export function queryString(query: Readonly<Record<string, string>> | undefined): string {
  if (!query) return ''
  const entries = Object.entries(query)
  if (entries.length === 0) return ''
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
}

/** The problem's stable code, or undefined when the answer is not problem+json with a code. */
export function problemCode(res: LightMyRequestResponse): string | undefined {
  if (!/^application\/problem\+json/.test(String(res.headers['content-type'] ?? ''))) return undefined
  try {
    const code = (res.json() as { code?: unknown }).code
    return typeof code === 'string' ? code : undefined
  } catch {
    return undefined
  }
}
