import type { Db } from '../../database.ts'
import { countryAt, missionAt, missionForCountry } from '../reference/index.ts'

export interface Placement {
  country: string | null
  missionCode: string | null
}

/**
 * The country and the responsible mission of a place: a point goes through the consular
 * districts (a consulate's drawn district before the country's embassy); a country alone
 * goes to the mission covering it. Neither, or China and its regions: no mission.
 */
export async function place(
  db: Db,
  where: {
    lat?: number | null | undefined
    lon?: number | null | undefined
    country?: string | null | undefined
  },
): Promise<Placement> {
  if (typeof where.lat === 'number' && typeof where.lon === 'number') {
    const country = (await countryAt(db, where.lat, where.lon)) ?? where.country ?? null
    const mission = await missionAt(db, where.lat, where.lon)
    if (mission || !where.country) return { country, missionCode: mission }
    return { country, missionCode: await missionForCountry(db, where.country) }
  }
  if (where.country)
    return { country: where.country, missionCode: await missionForCountry(db, where.country) }
  return { country: null, missionCode: null }
}
