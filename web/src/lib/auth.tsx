import type { Me } from '@server/identity/auth.schema.ts'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { get, post } from './api.ts'
import { dropQueuedHelp } from './offline/help-outbox.ts'
import { forgetAccountData, tellAccount } from './offline/service-worker.ts'

interface AuthState {
  me: Me | null
  loading: boolean
  refresh: () => Promise<Me | null>
  signOut: () => Promise<void>
}

const AuthContext = createContext<AuthState | null>(null)

// 200 for a visitor too (`user: null`): an anonymous page logs no failed request.
const session = () => get<{ user: Me | null }>('/api/v1/auth/session')
// Asked as soon as the app's code runs, while the language's strings are still on their way.
let firstAnswer: Promise<{ user: Me | null }> | undefined = session()
firstAnswer.catch(() => undefined)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null)
  const [loading, setLoading] = useState(true)

  const refresh = useCallback(async () => {
    try {
      const answer = firstAnswer ?? session()
      firstAnswer = undefined
      const next = (await answer).user
      setMe(next)
      tellAccount(next?.id ?? '')
      return next
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
