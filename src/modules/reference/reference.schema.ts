import { z } from 'zod'

export const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

/** The one ISO 3166-1 alpha-2 country code schema: any case in, upper case out. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())

/** A country code exactly as stored (upper case), for files a ministry loads. */
export const storedCountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')

export const country = z.object({
  code: z.string(),
  alpha3: z.string(),
  numeric: z.string(),
  name: localized,
  callingCode: z.string().nullable(),
  regionOfChina: z.boolean(),
})

export const countryList = z.array(country)

export const countryDetail = country.extend({
  missions: z.array(z.string()),
  hasShape: z.boolean(),
})

export const countryParams = z.strictObject({ code: countryCode })

export const MISSION_KINDS = ['embassy', 'consulate_general', 'consulate'] as const
export const missionKind = z.enum(MISSION_KINDS)
export type MissionKind = z.infer<typeof missionKind>

export const mission = z.object({
  code: z.string(),
  kind: missionKind,
  country: z.string(),
  name: localized,
  city: localized,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  district: z.object({ countries: z.array(z.string()), hasArea: z.boolean() }),
})

export const missionList = z.array(mission)

export const missionDetail = mission.extend({
  district: z.object({ countries: z.array(z.string()), hasArea: z.boolean(), area: z.unknown().nullable() }),
})

export const missionParams = z.strictObject({ code: z.string().max(40) })

export const latLonQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
})

export const countryAtResponse = z.object({ code: z.string() })

export const missionAtResponse = z.object({ code: z.string(), name: localized })

export type Country = z.infer<typeof country>
export type Mission = z.infer<typeof mission>
export type MissionDetail = z.infer<typeof missionDetail>
