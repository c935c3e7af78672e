import type { RevocationList, TrustCertificate } from '@server/health/health.schema.ts'
import { get } from '../lib/api.ts'
import type { Lists } from './browser-verify.ts'

const KEY = 'lingshi.verifier.lists'

/** Fetches the trust list and the revocation list and keeps them for offline use. */
export async function fetchLists(): Promise<Lists> {
  const [trust, revocations] = await Promise.all([
    get<{ certificates: TrustCertificate[] }>('/api/v1/health/trust-list'),
    get<RevocationList>('/api/v1/health/revocations'),
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
