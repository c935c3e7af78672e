import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the reference module answers with, and its HTTP status. */
const STATUS = {
  'reference.unknown_country': 404,
  'reference.unknown_mission': 404,
  'geo.no_country': 404,
  'geo.no_mission': 404,
} as const

export type ReferenceErrorCode = keyof typeof STATUS

/** An error of this module: its status follows from its code. */
export const referenceError = moduleErrors(STATUS)
