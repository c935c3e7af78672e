import { z } from 'zod'
import { polygon } from '../../platform/geo/geojson.schema.ts'
import { countryCode } from '../reference/reference.schema.ts'
import { isoDate } from './registrations.schema.ts'

export const person = z.object({
  id: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  nameZh: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  passportNumber: z.string().nullable(),
  places: z.array(
    z.object({
      source: z.string(),
      country: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
  ),
  dependants: z
    .array(
      z.object({
        id: z.string(),
        relation: z.string(),
        nameLatin: z.string(),
        nameZh: z.string().nullable(),
        dateOfBirth: z.string(),
        sex: z.string().nullable(),
        passportNumber: z.string().nullable().describe('masked'),
      }),
    )
    .describe('family members on a trip with the person (in a search: on a trip that matches it)'),
})

export const peopleResult = z.object({
  count: z.number().describe('accounts found'),
  dependants: z.number().describe('dependants travelling with them on matching trips'),
  heads: z.number().describe('count + dependants: the people to account for'),
  people: z.array(person),
})

const format = z.enum(['json', 'csv']).default('json')
const MAX_LIMIT = 5000

/** GET /people: a query string, so the limit arrives as text. */
export const peopleQuery = z.strictObject({
  country: countryCode.optional(),
  q: z.string().max(100).optional(),
  on: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
  format,
})

/** POST /people/search: JSON, so the limit must be a number (`true` or `[1]` are refused, not coerced). */
export const peopleSearchBody = z.strictObject({
  area: polygon,
  q: z.string().max(100).optional(),
  on: isoDate.optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(100),
  format,
})

export const personIdParams = z.strictObject({ id: z.uuid() })

export const revealedPassport = z.object({ passportNumber: z.string().nullable() })

export type Person = z.infer<typeof person>
export type PeopleQuery = z.infer<typeof peopleQuery>
export type PeopleSearchBody = z.infer<typeof peopleSearchBody>
