import { z } from 'zod'
import { localeSchema } from '../identity/auth.schema.ts'
import { countryCode } from '../reference/reference.schema.ts'
import { phoneSchema } from './phone.schema.ts'

export const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' })
const lat = z.number().min(-90).max(90)
const lon = z.number().min(-180).max(180)

export const nameLatin = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z][A-Za-z' ,.-]*$/, 'Latin letters as in the passport')

/** A name as printed in the passport's visual zone: Latin letters, with their marks (Müller, José). */
export const passportName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^\p{Script=Latin}[\p{Script=Latin}\p{M}' ,.-]*$/u, 'Latin letters as in the passport')

export const SEXES = ['F', 'M', 'X'] as const
export const sex = z.enum(SEXES)
export type Sex = z.infer<typeof sex>

export const passportNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5,20}$/, '5 to 20 letters and digits')

export const emergencyContact = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: phoneSchema,
  relation: z.string().trim().min(1).max(60),
})

export const profileBody = z.strictObject({
  nameLatin: nameLatin.nullable().optional(),
  /** As in the passport, Latin letters: the health certificate's `nam.fn`. */
  surname: passportName.nullable().optional(),
  givenNames: passportName.nullable().optional(),
  nameZh: z.string().trim().max(100).nullable().optional(),
  dateOfBirth: isoDate.nullable().optional(),
  sex: sex.nullable().optional(),
  passportNumber: passportNumber.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  locale: localeSchema.optional(),
  consentToContact: z.boolean().optional(),
  emergencyContacts: z.array(emergencyContact).max(5).optional(),
})

export const residence = z.object({
  country: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  since: z.string().nullable(),
})

export const profileResponse = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  surname: z.string().nullable(),
  givenNames: z.string().nullable(),
  nameZh: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  sex: sex.nullable(),
  passportNumber: z.string().nullable().describe('masked: only the last 4 characters are shown'),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  locale: localeSchema,
  consentToContact: z.boolean(),
  emergencyContacts: z.array(z.object({ name: z.string(), phone: z.string(), relation: z.string() })),
  residence: residence.nullable(),
})

export const residenceBody = z
  .strictObject({
    country: countryCode,
    city: z.string().trim().max(120).optional(),
    address: z.string().trim().max(300).optional(),
    lat: lat.optional(),
    lon: lon.optional(),
    since: isoDate.optional(),
  })
  .refine((b) => (b.lat === undefined) === (b.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lat'],
  })

export const destination = z
  .strictObject({
    country: countryCode,
    cityId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('a city of the world cities data set (GET /api/v1/cities): gives the name and the point'),
    city: z.string().trim().min(1).max(120).optional(),
    lat: lat.optional(),
    lon: lon.optional(),
    address: z.string().trim().min(1).max(300).optional().describe('where I stay there'),
    phone: phoneSchema.optional().describe('a number to reach me while there'),
  })
  .refine((d) => (d.lat === undefined) === (d.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lat'],
  })
  .refine((d) => d.cityId === undefined || d.lat === undefined, {
    message: 'a city from the list brings its own point: give cityId or lat/lon, not both',
    path: ['cityId'],
  })

export const tripBody = z.strictObject({
  destinations: z.array(destination).min(1).max(20),
  startDate: isoDate,
  endDate: isoDate,
  travellers: z
    .array(z.uuid())
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'a dependant is listed twice' })
    .optional()
    .describe('ids of my dependants travelling with me; left out on PUT keeps the list as it is'),
})

export const warning = z.object({ code: z.string(), detail: z.string(), destination: z.number().optional() })

export const tripResponse = z.object({
  id: z.string(),
  destinations: z.array(
    z.object({
      country: z.string(),
      cityId: z.number().nullable(),
      city: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  startDate: z.string(),
  endDate: z.string(),
  travellers: z.array(z.string()).describe('ids of the dependants travelling on this trip (companions)'),
  warnings: z.array(warning),
})

export const tripList = z.array(tripResponse)

export const tripIdParams = z.strictObject({ id: z.uuid() })

export const locationBody = z.strictObject({ lat, lon, accuracyM: z.number().min(0).max(100_000).optional() })

export const locationResponse = z.object({
  lat: z.number(),
  lon: z.number(),
  accuracyM: z.number().nullable(),
  country: z.string().nullable(),
  recordedAt: z.string(),
})

/** `null` until the person has said where they are. */
export const currentLocation = locationResponse.nullable()

export type ProfileBody = z.infer<typeof profileBody>
export type ResidenceBody = z.infer<typeof residenceBody>
export type LocationBody = z.infer<typeof locationBody>
export type TripBody = z.infer<typeof tripBody>
export type Warning = z.infer<typeof warning>
