import type { Me } from '@server/identity/auth.schema.ts'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiError, get, post } from './api.ts'
import { dropQueuedHelp } from './offline/help-outbox.ts'
import { forgetAccountData, tellAccount } from './offline/service-worker.ts'

interface AuthState {
  me: Me | null
  loading: boolean
  refresh: () => Promise<Me | null>
  signOut: () => Promise<void>
}

const AuthContext = createContext<AuthState | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null)
  const [loading, setLoading] = useState(true)

  const refresh = useCallback(async () => {
    try {
      const next = await get<Me>('/api/v1/me')
      setMe(next)
      tellAccount(next.id)
      return next
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMe(null)
        tellAccount('')
        return null
      }
      throw e
    } finally {
      setLoading(false)
    }
  }, [])

  const signOut = useCallback(async () => {
    await post('/api/v1/auth/logout').catch(() => undefined)
    // What this phone kept for the person offline goes with them.
    if (me) dropQueuedHelp(me.id)
    await forgetAccountData()
    setMe(null)
  }, [me])

  useEffect(() => {
    refresh().catch(() => setLoading(false))
  }, [refresh])

  const value = useMemo(() => ({ me, loading, refresh, signOut }), [me, loading, refresh, signOut])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext)
  if (!state) throw new Error('useAuth outside AuthProvider')
  return state
}

/** A `next=` target after sign-in, only when it is a path on this site (no open redirect). */
export function safeNext(next: string | null): string | undefined {
  return next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : undefined
}
