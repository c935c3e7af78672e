import type { tripResponse } from '@server/registrations/registrations.schema.ts'
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { get } from '../lib/api.ts'

type Trip = z.infer<typeof tripResponse>

/** The country of my trip under way (or the next one): its numbers go on the home and SOS pages. */
export function useTravellingTo(citizen: boolean): string | undefined {
  const [country, setCountry] = useState<string>()
  useEffect(() => {
    if (!citizen) return
    let live = true
    const today = new Date().toISOString().slice(0, 10)
    get<Trip[]>('/api/v1/me/trips')
      .then((trips) => {
        const next = trips
          .filter((x) => x.endDate >= today)
          .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0]
        if (live) setCountry(next?.destinations[0]?.country)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [citizen])
  return country
}
