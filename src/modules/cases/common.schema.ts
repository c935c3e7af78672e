import { z } from 'zod'
import { localized } from '../reference/reference.schema.ts'

export const lat = z.number().min(-90).max(90)
export const lon = z.number().min(-180).max(180)
export const latLon = z.object({ lat: z.number(), lon: z.number() })
export const missionRef = z.object({ code: z.string(), name: localized })
export const actor = z.object({ id: z.string(), name: z.string() })
export const idParams = z.strictObject({ id: z.uuid() })

/** A yes/no in a query string: exactly `true` or `false`. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true')

const place = z.object({
  source: z.enum(['location', 'trip', 'residence']),
  country: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
})

export const personSummary = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  nameZh: z.string().nullable(),
  phone: z.string().nullable(),
  places: z.array(place).describe('every place the person is registered today'),
  whereNow: place.nullable().describe('the best of places: a fresh point, then a trip, then the residence'),
})

/** Both lat and lon, or neither. */
export function pointTogether<T extends { lat?: number | undefined; lon?: number | undefined }>(v: T) {
  return (v.lat === undefined) === (v.lon === undefined)
}
export const pointMessage = { message: 'lat and lon go together', path: ['lat'] }
