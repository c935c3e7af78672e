import type { Service } from '@server/applications/catalogue.schema.ts'
import type { Mission } from '@server/reference/reference.schema.ts'
import { get } from '../lib/api.ts'
import { useLoad } from '../lib/useLoad.ts'
import { appointmentsApi } from './api.ts'
import { VACCINATION } from './types.ts'

export function useMissions() {
  return useLoad(() => get<Mission[]>('/api/v1/missions'))
}

/**
 * The services a mission books: those of its calendar when it can be read, else the catalogue's
 * services that need an appointment, and vaccination.
 */
export function useMissionServices(mission: string | undefined, location?: string) {
  return useLoad(
    async (): Promise<string[]> => {
      if (!mission) return []
      try {
        const calendar = await appointmentsApi.calendar(mission, location)
        if (calendar.services.length) return calendar.services.map((s) => s.service)
      } catch {
        // no readable calendar: fall back to the catalogue
      }
      const catalogue = await get<Service[]>(`/api/v1/missions/${mission}/services`).catch(() => [])
      return [...catalogue.filter((s) => s.requiresAppointment).map((s) => s.code), VACCINATION]
    },
    `${mission ?? ''}|${location ?? ''}`,
  )
}

export function useLocations(mission: string | undefined) {
  return useLoad(
    () => (mission ? appointmentsApi.locations(mission).catch(() => []) : Promise.resolve([])),
    mission ?? '',
  )
}
