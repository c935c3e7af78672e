import { isPossiblePhoneNumber } from 'libphonenumber-js'
import { z } from 'zod'

export const localized = z.object({ 'zh-CN': z.string(), en: z.string() })

/** The one ISO 3166-1 alpha-2 country code schema: any case in, upper case out. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())

/** A country code exactly as stored (upper case), for files a ministry loads. */
export const storedCountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')

export const emergencyNumbers = z
  .object({
    police: z.string().nullable(),
    ambulance: z.string().nullable(),
    fire: z.string().nullable(),
    source: z.string().describe('the named public source and when the numbers were compiled from it'),
    sourceName: localized.describe('the source in both languages'),
  })
  .describe('local emergency numbers; null for a country not in the data set')

export const country = z.object({
  code: z.string(),
  alpha3: z.string(),
  numeric: z.string(),
  name: localized,
  callingCode: z.string().nullable(),
  regionOfChina: z.boolean(),
  emergencyNumbers: emergencyNumbers.nullable(),
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
  phone: z.string().nullable().describe('the office phone'),
  emergencyPhone: z.string().nullable().describe('the 24-hour consular protection line; null when none yet'),
  email: z.string().nullable(),
  hours: localized.nullable().describe('opening hours of the office, as the mission writes them'),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  district: z.object({ countries: z.array(z.string()), hasArea: z.boolean() }),
})

export const missionList = z.array(mission)

export const missionDetail = mission.extend({
  district: z.object({ countries: z.array(z.string()), hasArea: z.boolean(), area: z.unknown().nullable() }),
})

export const missionParams = z.strictObject({ code: z.string().max(40) })

const contactText = (max: number) => z.string().trim().min(1).max(max)
/** A phone number as the public dials it: international form, digits, spaces and hyphens. */
const publicPhone = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9 ()-]{5,24}$/, 'an international number starting with +, e.g. +81-3-3403-3065')
  .refine((v) => isPossiblePhoneNumber(v), 'not a possible phone number')

export const missionContactsBody = z
  .strictObject({
    phone: publicPhone.nullable().optional(),
    emergencyPhone: publicPhone.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    hours: z
      .strictObject({ 'zh-CN': contactText(300), en: contactText(300) })
      .nullable()
      .optional(),
  })
  .describe('the fields to change; null clears one, a field left out stays as it is')

export type MissionContactsBody = z.infer<typeof missionContactsBody>

export const latLonQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
})

export const countryAtResponse = z.object({ code: z.string() })

export const missionAtResponse = z.object({ code: z.string(), name: localized })

export type Country = z.infer<typeof country>
export type Mission = z.infer<typeof mission>
export type MissionDetail = z.infer<typeof missionDetail>

export const citySearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(80)
    .default('')
    .describe('the start of the city name, or of a country name in Chinese'),
  country: countryCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

export const city = z.object({
  id: z.number().describe('the GeoNames id: give it as `cityId` of a trip destination'),
  name: z.string().describe('the name as GeoNames writes it (in Latin letters)'),
  country: z.string(),
  countryName: localized,
  admin: z.string().nullable().describe('the first-level subdivision code of GeoNames'),
  population: z.number(),
  lat: z.number(),
  lon: z.number(),
})

export const cityList = z.object({
  dataset: z
    .string()
    .nullable()
    .describe('the data set searched (package and version); null when this server has none installed'),
  items: z.array(city),
})

export type City = z.infer<typeof city>
