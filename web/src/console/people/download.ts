import { ApiError } from '../../lib/api.ts'
import { CSV_MAX, type PeopleQuery, SHOWN } from './query.ts'

/** Fetches the CSV for a search and hands it to the browser as a file; errors come back as ApiError. */
export async function downloadCsv(query: PeopleQuery): Promise<void> {
  const init: RequestInit =
    query.kind === 'area'
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ area: query.area, format: 'csv', limit: CSV_MAX }),
        }
      : { method: 'GET' }
  const url = query.kind === 'area' ? '/api/v1/people/search' : `/api/v1/people?${textParams(query, 'csv')}`
  let res: Response
  try {
    res = await fetch(url, { ...init, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string }
    throw new ApiError(res.status, p.code ?? `http.${res.status}`, p.detail ?? '')
  }
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = `people-${new Date().toISOString().slice(0, 10)}.csv`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

export function textParams(query: { q?: string; country?: string }, format: 'json' | 'csv'): string {
  const p = new URLSearchParams()
  if (query.q?.trim()) p.set('q', query.q.trim())
  if (query.country) p.set('country', query.country)
  if (format === 'csv') p.set('format', 'csv')
  p.set('limit', String(format === 'csv' ? CSV_MAX : SHOWN))
  return p.toString()
}
