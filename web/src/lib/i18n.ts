import type { localeSchema } from '@server/identity/auth.schema.ts'
import type { localized as localizedText } from '@server/reference/reference.schema.ts'
import type { Locale as AntdLocale } from 'antd/es/locale'
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
// so that work on one area never edits another's file; a language's files are merged into one
// chunk (locales/bundle.<lang>.ts), fetched only when that language is used.
const BUNDLES = {
  en: () => import('../locales/bundle.en.ts'),
  'zh-CN': () => import('../locales/bundle.zh-CN.ts'),
} as const

function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key]
    if (value && typeof value === 'object' && existing && typeof existing === 'object')
      merge(existing as Record<string, unknown>, value as Record<string, unknown>)
    else into[key] = value
  }
}

const loading = new Map<Locale, Promise<void>>()
// antd's own texts (date pickers, pagination) come in the same chunk as ours.
const antdLocales = new Map<Locale, AntdLocale>()

/** antd's texts for the language shown (loaded before the language is switched to). */
export function antdLocaleOf(lang: string): AntdLocale | undefined {
  return antdLocales.get(lang === 'en' ? 'en' : 'zh-CN')
}

/** Makes a language's strings available (once); pages that write in both languages await both. */
export function loadLanguage(lang: Locale): Promise<void> {
  let done = loading.get(lang)
  if (!done) {
    done = BUNDLES[lang]().then(({ files, antdLocale }) => {
      antdLocales.set(lang, antdLocale)
      const out: Record<string, unknown> = {}
      for (const mod of Object.values(files)) merge(out, mod.default)
      i18n.addResourceBundle(lang, 'translation', out, true, true)
    })
    loading.set(lang, done)
  }
  return done
}

/** Both languages: for screens that compose or show a text in each (alerts, the declaration). */
export function loadBothLanguages(): Promise<void> {
  return Promise.all([loadLanguage('zh-CN'), loadLanguage('en')]).then(() => undefined)
}

const first = initialLocale()
/** Resolves once the reader's language is loaded: the app renders after it. */
export const i18nReady: Promise<void> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    lng: first,
    fallbackLng: first,
    interpolation: { escapeValue: false },
  })
  .then(() => loadLanguage(first))
document.documentElement.lang = first

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale)
  void loadLanguage(locale).then(() => {
    document.documentElement.lang = locale
    void i18n.changeLanguage(locale)
  })
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN'
}

/** Picks the name in the reader's language from a `{ 'zh-CN', en }` pair. */
export function localized(name: Localized): string {
  return name[currentLocale()]
}

export default i18n
