import type { Me } from '@server/identity/auth.schema.ts'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiError, get, post } from './api.ts'

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
      return next
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMe(null)
        return null
      }
      throw e
    } finally {
      setLoading(false)
    }
  }, [])

  const signOut = useCallback(async () => {
    await post('/api/v1/auth/logout').catch(() => undefined)
    setMe(null)
  }, [])

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
