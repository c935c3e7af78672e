import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { ApiError } from './api.ts'

/** What people type (spaces, dashes, brackets) reduced to the E.164 the API takes. */
export function normalizePhone(value: string | null | undefined): string | null {
  const v = value?.replace(/[\s\-().]/g, '') ?? ''
  return v ? v.replace(/^00/, '+') : null
}

/**
 * The API's field errors, placed on the form's own fields and worded in the reader's language
 * (the API words them in English for developers).
 */
export function fieldErrors<T>(e: unknown, t: TFunction): Parameters<FormInstance<T>['setFields']>[0] {
  if (!(e instanceof ApiError)) return []
  return e.errors
    .filter((f) => f.path)
    .map((f) => {
      const name = f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
      const last = String(name.filter((p) => typeof p === 'string').at(-1))
      return { name, errors: [t(`fieldErrors.${last}`, { defaultValue: t('fieldErrors.invalid') })] }
    }) as Parameters<FormInstance<T>['setFields']>[0]
}
