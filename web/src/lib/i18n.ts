import type { localeSchema } from '@server/identity/auth.schema.ts'
import type { localized as localizedText } from '@server/reference/reference.schema.ts'
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { z } from 'zod'

export type Locale = z.infer<typeof localeSchema>
/** A text in both languages, as the API gives names and summaries. */
export type Localized = z.infer<typeof localizedText>
const STORAGE_KEY = 'lingshi.locale'

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved === 'zh-CN' || saved === 'en') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

// Each area of the app keeps its strings in its own folder (locales/<area>/{en,zh-CN}.json),
// so that work on one area never edits another's file; all are merged here.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/**/*.json', {
  eager: true,
})

function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key]
    if (value && typeof value === 'object' && existing && typeof existing === 'object')
      merge(existing as Record<string, unknown>, value as Record<string, unknown>)
    else into[key] = value
  }
}

function bundle(lang: 'en' | 'zh-CN'): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [file, mod] of Object.entries(files)) if (file.endsWith(`/${lang}.json`)) merge(out, mod.default)
  return out
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: bundle('zh-CN') }, en: { translation: bundle('en') } },
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
})
document.documentElement.lang = i18n.language

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
  void i18n.changeLanguage(locale)
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN'
}

/** Picks the name in the reader's language from a `{ 'zh-CN', en }` pair. */
export function localized(name: Localized): string {
  return name[currentLocale()]
}

export default i18n
