import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { LANGS, type Lang, type TEXT_FIELDS } from './capBody.ts'

export interface ComposerErrors {
  /** Shown under the map: the area was refused. */
  area?: string
  fields: Array<{ name: ['text', Lang, (typeof TEXT_FIELDS)[number]]; errors: string[] }>
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
  const fields: ComposerErrors['fields'] = []
  const other: string[] = []
  for (const f of e.errors) {
    const parts = f.path.split('.')
    const lang = parts[0] === 'info' ? LANGS[Number(parts[1])] : undefined
    const field = SERVER_FIELD[parts.at(-1) ?? '']
    if (lang && field) fields.push({ name: ['text', lang, field], errors: [t('alertsConsole.errors.field')] })
    else other.push(f.path ? `${f.path}: ${f.message}` : f.message)
  }
  const base = t('errors.codes.validation_failed')
  return { fields, message: other.length || !fields.length ? `${base} (${other.join('; ')})` : undefined }
}
