import type { TFunction } from 'i18next'
import { ApiError } from './api.ts'

/** The message to show for a failed call: our translation of its code, else the server's detail. */
export function errorMessage(e: unknown, t: TFunction, { withFields = true } = {}): string {
  if (!(e instanceof ApiError)) return t('errors.generic')
  if (e.status === 0) return t('errors.network')
  const key = `errors.codes.${e.code.replaceAll('.', '_')}`
  const translated = t(key, { defaultValue: '' })
  const fields = withFields
    ? e.errors.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')
    : ''
  if (translated) return fields && e.code === 'validation.failed' ? `${translated} (${fields})` : translated
  return e.detail || t('errors.generic')
}
