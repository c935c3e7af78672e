import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the registrations module answers with, and its HTTP status. */
const STATUS = {
  'profile.bad_date_of_birth': 400,
  'dependant.bad_date_of_birth': 400,
  'dependant.not_found': 404,
  'dependant.too_many': 409,
  'trip.dates_inverted': 400,
  'trip.in_past': 400,
  'trip.too_far_ahead': 400,
  'trip.unknown_traveller': 400,
  /** A `cityId` the world cities data set does not hold, or a city of another country. */
  'trip.unknown_city': 400,
  'trip.city_not_in_country': 400,
  'trip.not_found': 404,
  'trip.duplicate': 409,
  'person.not_found': 404,
  /** A country code given in a body that names no country: bad input here. */
  'reference.unknown_country': 400,
} as const

export type RegistrationErrorCode = keyof typeof STATUS

/** An error of this module: its status follows from its code. */
export const registrationError = moduleErrors(STATUS)
