import type { myHelp } from '@server/cases/hotline/help.schema.ts'
import type { z } from 'zod'

export type MyHelp = z.infer<typeof myHelp>

/** The global consular protection hotline, dialled from anywhere. */
export const GLOBAL_HOTLINE = { display: '+86-10-12308', tel: '+861012308' } as const

/** How often the page asks for the status, and shares the location again (with consent). */
export const STATUS_POLL_MS = 5_000
export const LOCATION_EVERY_MS = 60_000

/** The sender's consent to share their location while the request is open, kept across reloads. */
const CONSENT_KEY = 'lingshi.sos.shareLocation'
export const sharesLocation = () => localStorage.getItem(CONSENT_KEY) !== 'no'
export const setSharesLocation = (yes: boolean) => localStorage.setItem(CONSENT_KEY, yes ? 'yes' : 'no')

export function position(): Promise<GeolocationPosition | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null)
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), {
      timeout: 10_000,
      maximumAge: 30_000,
    }),
  )
}
