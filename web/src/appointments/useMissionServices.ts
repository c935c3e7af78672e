import type { Service } from '@server/applications/catalogue.schema.ts'
import type { Mission } from '@server/reference/reference.schema.ts'
import { get } from '../lib/api.ts'
import { useLoad } from '../lib/useLoad.ts'
import { appointmentsApi } from './api.ts'
import { VACCINATION } from './types.ts'

export function useMissions() {
  return useLoad(() => get<Mission[]>('/api/v1/missions'))
}

interface Where {
  location?: string
  /** Staff read the calendar itself; citizens may not. */
  staff?: boolean
}

/**
 * The services a mission books: for its staff those of its calendar; for citizens those the
 * location's calendar books (its public listing), those needing a visit first; without one, the
 * mission's catalogue and vaccination.
 */
export function useMissionServices(mission: string | undefined, { location, staff = false }: Where = {}) {
  return useLoad(
    async (): Promise<string[]> => {
      if (!mission) return []
      if (staff)
        try {
          const calendar = await appointmentsApi.calendar(mission, location)
          if (calendar.services.length) return calendar.services.map((s) => s.service)
        } catch {
          // no calendar yet: fall back to the catalogue
        }
      const locations = await appointmentsApi.locations(mission).catch(() => [])
      const here = locations.find((l) => l.location === (location ?? 'main')) ?? locations[0]
      if (here?.services.length) {
        // What the calendar books, those of the catalogue needing a visit first.
        const catalogue = await get<Service[]>(`/api/v1/missions/${mission}/services`).catch(() => [])
        const first = new Set<string>(catalogue.filter((s) => s.requiresAppointment).map((s) => s.code))
        return [...here.services].sort((x, y) => Number(first.has(y)) - Number(first.has(x)))
      }
      const catalogue = await get<Service[]>(`/api/v1/missions/${mission}/services`).catch(() => [])
      // Those that need a visit first; any service of the mission may be booked.
      const ordered = [...catalogue].sort(
        (x, y) => Number(y.requiresAppointment) - Number(x.requiresAppointment),
      )
      return [...ordered.map((s) => s.code), VACCINATION]
    },
    `${mission ?? ''}|${location ?? ''}|${staff}`,
  )
}
