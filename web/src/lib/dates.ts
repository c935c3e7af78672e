import i18n from 'i18next'

/**
 * The one way the app writes dates: `7 Dec 2026` in English, `2026年12月7日` in Chinese, with the
 * time as `14:30` after it. A date without a time (`2026-12-07`, a trip's day) is that calendar day
 * wherever the reader is; an instant (ISO with a time) is shown in the reader's time zone.
 */
const DATE: Record<'en' | 'zh-CN', Intl.DateTimeFormatOptions> = {
  en: { day: 'numeric', month: 'short', year: 'numeric' },
  'zh-CN': { year: 'numeric', month: 'long', day: 'numeric' },
}
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
const TAG = { en: 'en-GB', 'zh-CN': 'zh-CN' } as const
type Lang = keyof typeof TAG
const currentLocale = (): Lang => (i18n.language === 'en' ? 'en' : 'zh-CN')

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value)
}

export function formatDate(value: string | Date, lang = currentLocale()): string {
  return new Intl.DateTimeFormat(TAG[lang], DATE[lang]).format(toDate(value))
}

export function formatTime(value: string | Date, lang = currentLocale()): string {
  return new Intl.DateTimeFormat(TAG[lang], TIME).format(toDate(value))
}

export function formatDateTime(value: string | Date, lang = currentLocale()): string {
  const date = formatDate(value, lang)
  const time = formatTime(value, lang)
  return lang === 'en' ? `${date}, ${time}` : `${date} ${time}`
}
