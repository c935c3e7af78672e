import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { ApiError } from './api.ts'
import { errorMessage } from './errors.ts'

/** What people type (spaces, dashes, brackets) reduced to the E.164 the API takes. */
export function normalizePhone(value: string | null | undefined): string | null {
  const v = value?.replace(/[\s\-().]/g, '') ?? ''
  return v ? v.replace(/^00/, '+') : null
}

export type FieldName = Array<string | number>
export interface FieldError {
  name: FieldName
  errors: string[]
}

/** Where a field error of the API goes on a form, and its words; `undefined` leaves it for the message on top. */
export type PlaceError = (name: FieldName) => FieldError | undefined

/** Every error on the field its path names, worded by the field's own name (`fieldErrors.<name>`). */
export const onNamedField =
  (t: TFunction): PlaceError =>
  (name) => {
    const last = String(name.filter((p) => typeof p === 'string').at(-1))
    return { name, errors: [t(`fieldErrors.${last}`, { defaultValue: t('fieldErrors.invalid') })] }
  }

/**
 * The API's field errors (`errors[].path`, such as `summary.en`) split into those a form field
 * takes, placed and worded in the reader's language (the API words them in English for
 * developers), and the rest as "path: message" lines for the top of the form.
 */
export function splitFieldErrors<F extends FieldError>(
  e: ApiError,
  place: (name: FieldName) => F | undefined,
): { fields: F[]; other: string[] } {
  const fields: F[] = []
  const other: string[] = []
  for (const f of e.errors) {
    const field = f.path ? place(f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))) : undefined
    if (field) fields.push(field)
    else other.push(f.path ? `${f.path}: ${f.message}` : f.message)
  }
  return { fields, other }
}

/**
 * A refused save, put on the form's fields (see `splitFieldErrors`). Returns the fields it set,
 * with one message for the top of the form that names what no field took.
 */
export function putFieldErrors<T>(
  form: FormInstance<T>,
  e: unknown,
  t: TFunction,
  place: PlaceError = onNamedField(t),
): { fields: FieldError[]; message: string } {
  if (!(e instanceof ApiError)) return { fields: [], message: errorMessage(e, t) }
  const { fields, other } = splitFieldErrors(e, place)
  // The form's field names are typed paths; the API's are the same names as plain strings.
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0])
  if (e.code !== 'validation.failed') return { fields, message: errorMessage(e, t) }
  const base = t('errors.codes.validation_failed')
  return { fields, message: other.length ? `${base} (${other.join('; ')})` : base }
}
