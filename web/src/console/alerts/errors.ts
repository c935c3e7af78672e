import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { splitFieldErrors } from '../../lib/fields.ts'
import { LANGS, type Lang, type TEXT_FIELDS } from './capBody.ts'

type ComposerField = ['text', Lang, (typeof TEXT_FIELDS)[number]]

export interface ComposerErrors {
  /** Shown under the map: the area was refused. */
  area?: string
  fields: Array<{ name: ComposerField; errors: string[] }>
  message?: string
}

const AREA_CODES = new Set(['cap.bad_polygon', 'cap.bad_circle', 'alert.outside_jurisdiction'])
const SERVER_FIELD: Record<string, (typeof TEXT_FIELDS)[number]> = {
  event: 'event',
  headline: 'headline',
  description: 'description',
  instruction: 'instruction',
  areaDesc: 'areaDesc',
}

/**
 * A refused draft, split for the composer: area errors under the map, text errors on the field
 * of the language they are in (`info.1.headline` is the English headline), the rest on top.
 */
export function composerErrors(e: unknown, t: TFunction): ComposerErrors {
  if (!(e instanceof ApiError)) return { fields: [], message: errorMessage(e, t) }
  if (AREA_CODES.has(e.code))
    return { fields: [], area: `${errorMessage(e, t)}${e.detail ? ` (${e.detail})` : ''}` }
  if (e.code !== 'validation.failed')
    return {
      fields: [],
      message: `${errorMessage(e, t)}${e.code === 'alert.invalid' ? ` (${e.detail})` : ''}`,
    }
  const { fields, other } = splitFieldErrors(e, (name) => {
    const lang = name[0] === 'info' ? LANGS[Number(name[1])] : undefined
    const field = SERVER_FIELD[String(name.at(-1))]
    return lang && field
      ? { name: ['text', lang, field] as ComposerField, errors: [t('alertsConsole.errors.field')] }
      : undefined
  })
  const base = t('errors.codes.validation_failed')
  return { fields, message: other.length || !fields.length ? `${base} (${other.join('; ')})` : undefined }
}
