import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useAuth } from '../lib/auth.tsx'

/** Sends a visitor to sign in, and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { me } = useAuth()
  const location = useLocation()
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />
  return children
}
