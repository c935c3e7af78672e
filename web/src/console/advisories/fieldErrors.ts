import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

export interface FieldError {
  name: [string, ...string[]]
  errors: string[]
}

const KNOWN = new Set(['level', 'summary', 'advice'])

/**
 * Splits a failed save into errors for the form's fields (the API's `errors[].path`, such as
 * `summary.en`) and one message for the top of the form, all in the reader's language.
 */
export function splitErrors(e: unknown, t: TFunction): { fields: FieldError[]; message: string } {
  if (!(e instanceof ApiError) || e.code !== 'validation.failed')
    return { fields: [], message: errorMessage(e, t) }
  const fields: FieldError[] = []
  const other: string[] = []
  for (const f of e.errors) {
    const [head, ...rest] = f.path.split('.').filter(Boolean)
    if (head && KNOWN.has(head))
      fields.push({ name: [head, ...rest], errors: [t(`advisoriesConsole.invalid.${head}`)] })
    else other.push(f.path ? `${f.path}: ${f.message}` : f.message)
  }
  const base = t('errors.codes.validation_failed')
  return { fields, message: other.length ? `${base} (${other.join('; ')})` : base }
}
