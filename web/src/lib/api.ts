/** A problem+json answer from the API, kept whole so forms can show each field's error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: Array<{ path: string; message: string }> = [],
    /** The whole problem document, for members a form reads (a challenge, a password's feedback). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail || code)
  }
}

interface Problem {
  code?: string
  detail?: string
  title?: string
  errors?: Array<{ path: string; message: string }>
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    // A FormData body carries its own multipart content type and boundary.
    const form = body instanceof FormData
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || form ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  const data = text ? (JSON.parse(text) as unknown) : undefined
  if (!res.ok) {
    const p = (data ?? {}) as Problem
    throw new ApiError(res.status, p.code ?? `http.${res.status}`, p.detail ?? p.title ?? '', p.errors, {
      ...p,
    })
  }
  return data as T
}

export const get = <T>(url: string) => api<T>('GET', url)
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {})
export const put = <T>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {})
export const del = <T>(url: string, body?: unknown) => api<T>('DELETE', url, body)
export const postForm = <T>(url: string, form: FormData) => api<T>('POST', url, form)
