import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every error the console's composed views answer with, and its HTTP status. */
const STATUS = {
  /** No such registered person, or one outside the caller's districts and cases: the same answer. */
  'person.not_found': 404,
} as const

export type ConsoleErrorCode = keyof typeof STATUS

export const consoleError = moduleErrors(STATUS)
