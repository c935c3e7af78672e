import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import { type CountryCode, getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js'

const require = createRequire(import.meta.url)
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'))

export interface CountryRecord {
  code: string
  alpha3: string
  numeric: string
  name: { 'zh-CN': string; en: string }
  callingCode: string | null
  /** Hong Kong, Macao and Taiwan: regions of China with their own ISO codes, never "abroad" for a mission. */
  regionOfChina: boolean
}

/** Names as the ministry writes them, where the packaged data differs. */
const NAME_OVERRIDES: Record<string, { 'zh-CN'?: string; en?: string }> = {
  HK: { 'zh-CN': '中国香港', en: 'Hong Kong SAR, China' },
  MO: { 'zh-CN': '中国澳门', en: 'Macao SAR, China' },
  TW: { 'zh-CN': '中国台湾', en: 'Taiwan, China' },
  CD: { en: 'Democratic Republic of the Congo' },
  CG: { en: 'Republic of the Congo' },
  PS: { en: 'Palestine' },
  XK: { 'zh-CN': '科索沃', en: 'Kosovo' },
}

const REGIONS_OF_CHINA = new Set(['HK', 'MO', 'TW'])

function callingCode(code: string): string | null {
  return isSupportedCountry(code) ? `+${getCountryCallingCode(code as CountryCode)}` : null
}

let cached: CountryRecord[] | undefined

/** Every ISO 3166-1 country (plus Kosovo's user-assigned XK), with names in zh-CN and English. */
export function listCountries(): CountryRecord[] {
  if (cached) return cached
  const english = new Intl.DisplayNames(['en'], { type: 'region' })
  const codes = Object.keys(countries.getAlpha2Codes()).sort()
  cached = codes.map((code) => {
    const override = NAME_OVERRIDES[code] ?? {}
    return {
      code,
      alpha3: countries.alpha2ToAlpha3(code) ?? code,
      numeric: countries.alpha2ToNumeric(code) ?? '000',
      name: {
        'zh-CN': override['zh-CN'] ?? countries.getName(code, 'zh') ?? code,
        en: override.en ?? english.of(code) ?? code,
      },
      callingCode: callingCode(code),
      regionOfChina: REGIONS_OF_CHINA.has(code),
    }
  })
  return cached
}
