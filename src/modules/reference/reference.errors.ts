import { AppError } from '../../platform/errors/app-error.ts'

/** Every error the reference module answers with, and its HTTP status. */
const STATUS = {
  'reference.unknown_country': 404,
  'reference.unknown_mission': 404,
  'geo.no_country': 404,
  'geo.no_mission': 404,
} as const

export type ReferenceErrorCode = keyof typeof STATUS

/** Named so, not ReferenceError: that is JavaScript's own. */
export class ReferenceDataError extends AppError {
  constructor(code: ReferenceErrorCode, detail: string) {
    super(STATUS[code], code, detail)
    this.name = 'ReferenceDataError'
  }
}
