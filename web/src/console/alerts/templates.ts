import i18n from '../../lib/i18n.ts'
import { type CapCodes, LANGS, type Lang, type TextFields } from './capBody.ts'

export const EVENT_TYPES = [
  'earthquake',
  'flood',
  'typhoon',
  'unrest',
  'terrorism',
  'epidemic',
  'evacuation',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

interface TemplateMeta extends CapCodes {
  /** How long the alert targets people for, in hours. */
  hours: number
}

/** The CAP codes each kind of event usually carries; the texts are in the locale files. */
export const TEMPLATES: Record<EventType, TemplateMeta> = {
  earthquake: {
    category: ['Geo'],
    responseType: ['Shelter', 'Monitor'],
    urgency: 'Immediate',
    severity: 'Severe',
    certainty: 'Observed',
    hours: 24,
  },
  flood: {
    category: ['Met'],
    responseType: ['Evacuate', 'Avoid'],
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    hours: 48,
  },
  typhoon: {
    category: ['Met'],
    responseType: ['Prepare', 'Shelter'],
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    hours: 72,
  },
  unrest: {
    category: ['Security'],
    responseType: ['Avoid', 'Monitor'],
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    hours: 48,
  },
  terrorism: {
    category: ['Security'],
    responseType: ['Shelter', 'Avoid'],
    urgency: 'Immediate',
    severity: 'Extreme',
    certainty: 'Observed',
    hours: 24,
  },
  epidemic: {
    category: ['Health'],
    responseType: ['Prepare', 'Monitor'],
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Likely',
    hours: 168,
  },
  evacuation: {
    category: ['Safety'],
    responseType: ['Evacuate'],
    urgency: 'Immediate',
    severity: 'Extreme',
    certainty: 'Observed',
    hours: 72,
  },
}

/**
 * The template's texts in both languages whatever the reader's language, with the place filled
 * in (the area's description, or "the area").
 */
export function templateTexts(type: EventType, places: Record<Lang, string>): Record<Lang, TextFields> {
  const out = {} as Record<Lang, TextFields>
  for (const lang of LANGS) {
    const t = i18n.getFixedT(lang)
    const place = places[lang].trim() || t('alertsConsole.compose.theArea')
    const key = `alertsConsole.templates.${type}`
    out[lang] = {
      event: t(`${key}.event`),
      headline: t(`${key}.headline`, { place }),
      description: t(`${key}.description`, { place }),
      instruction: t(`${key}.instruction`, { place }),
      areaDesc: places[lang].trim(),
    }
  }
  return out
}
