import { z } from 'zod'

export const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())

export const country = z.object({
  code: z.string(),
  alpha3: z.string(),
  numeric: z.string(),
  name: localized,
  callingCode: z.string().nullable(),
  regionOfChina: z.boolean(),
})

export const countryDetail = country.extend({
  missions: z.array(z.string()),
  hasShape: z.boolean(),
})

export const missionKind = z.enum(['embassy', 'consulate_general', 'consulate'])

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

export const missionDetail = mission.extend({
  district: z.object({ countries: z.array(z.string()), hasArea: z.boolean(), area: z.unknown().nullable() }),
})

export const latLonQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
})

export type Country = z.infer<typeof country>
export type Mission = z.infer<typeof mission>
export type MissionDetail = z.infer<typeof missionDetail>
