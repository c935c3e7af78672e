import { LEVELS } from '@server/advisories/levels.ts'
import type { Locale } from '../lib/i18n.ts'

/** The four risk levels with their names and the peers' equivalents, as the server publishes them. */
export { LEVELS }

/** Map and tag colours per risk level, lowest to highest; regions of China and unknown are grey. */
export const LEVEL_COLORS = ['#52a36b', '#e3b505', '#ee7d1f', '#c62828'] as const
/** The text colour that reads on each level's colour (contrast at least 4.5:1). */
export const LEVEL_TEXT_COLORS = ['#1f1f1f', '#1f1f1f', '#1f1f1f', '#ffffff'] as const
export const NO_LEVEL_COLOR = '#d9d9d9'

/** A level's colour; grey for a country with no advisory published (null) or none known. */
export function levelColor(level: number | null | undefined): string {
  return level === undefined || level === null ? NO_LEVEL_COLOR : (LEVEL_COLORS[level] ?? NO_LEVEL_COLOR)
}

/** The level's name in the reader's language (the level itself for an unknown one). */
export function levelName(level: number, locale: Locale): string {
  return LEVELS[level]?.label[locale] ?? String(level)
}
