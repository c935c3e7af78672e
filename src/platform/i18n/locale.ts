export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** A text in both of the platform's languages. */
export interface Localized {
  'zh-CN': string
  en: string
}

export function normalizeLocale(value: string | undefined | null): Locale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}
