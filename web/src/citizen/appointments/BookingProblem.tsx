import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

/** Where to fix what a refused booking or waitlist entry needs, by the refusal's code. */
const FIX: Record<string, { to: string; label: string }> = {
  'appointment.unverified': { to: '/me/settings', label: 'appointments.toVerify' },
  'appointment.identity_missing': { to: '/me/profile', label: 'appointments.toProfile' },
  'appointment.limit': { to: '/me/appointments', label: 'appointments.mine' },
}

/** The refusal's message, with a link to the page that fixes it when there is one. */
export function bookingProblem(e: unknown, t: TFunction): ReactNode {
  const fix = e instanceof ApiError ? FIX[e.code] : undefined
  if (!fix) return errorMessage(e, t)
  return (
    <>
      {errorMessage(e, t)}{' '}
      <Link to={fix.to} data-testid="booking-problem-fix">
        {t(fix.label)}
      </Link>
    </>
  )
}
