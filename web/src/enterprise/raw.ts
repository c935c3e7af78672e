import { ApiError } from '../lib/api.ts'

/** A request whose body is a file as it is (a roster's CSV, a plan's PDF), not JSON. */
export async function sendRaw<T>(method: 'POST' | 'PUT', url: string, body: Blob | string, type: string) {
  let res: Response
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers: { 'content-type': type }, body })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  const text = await res.text()
  const data = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  if (!res.ok)
    throw new ApiError(
      res.status,
      String(data.code ?? `http.${res.status}`),
      String(data.detail ?? ''),
      [],
      data,
    )
  return data as T
}
