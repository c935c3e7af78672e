import type { RevocationList, TrustCertificate } from '@server/health/health.schema.ts'
import type { Lists } from './browser-verify.ts'

const KEY = 'lingshi.verifier.lists'

/** A list as the server has it now: a refresh asked for must not be answered from the HTTP cache. */
async function fresh<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-cache' })
  if (!res.ok) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as T
}

/** Fetches the trust list and the revocation list and keeps them for offline use. */
export async function fetchLists(): Promise<Lists> {
  const [trust, revocations] = await Promise.all([
    fresh<{ certificates: TrustCertificate[] }>('/api/v1/health/trust-list'),
    fresh<RevocationList>('/api/v1/health/revocations'),
  ])
  const lists = { trust, revocations, loadedAt: new Date().toISOString() }
  localStorage.setItem(KEY, JSON.stringify(lists))
  return lists
}

/** The lists kept from the last fetch, if any. */
export function storedLists(): Lists | null {
  try {
    const text = localStorage.getItem(KEY)
    return text ? (JSON.parse(text) as Lists) : null
  } catch {
    return null
  }
}
