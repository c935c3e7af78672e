import { DEEP_TEXT, DEEP_TOKEN } from './values.ts'

/**
 * Percent-encodes any string as UTF-8 would, lone surrogates included (encodeURIComponent throws
 * on those; a client can still send their three bytes, so the server must cope).
 */
export function percentEncode(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    } else {
      out += encodeURIComponent(ch)
    }
  }
  return out
}

/** How a value of any JSON type is written in a URL. */
export function asUrlText(value: unknown): string {
  if (value === DEEP_TOKEN) return DEEP_TEXT
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  return JSON.stringify(value)
}

export function queryOf(values: Readonly<Record<string, string>>): string {
  const entries = Object.entries(values)
  if (entries.length === 0) return ''
  return `?${entries.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')}`
}

/** Path segments written raw into the URL: broken escapes and sizes no encoder would produce. */
export const RAW_PATH_VALUES: readonly { label: string; raw: string }[] = [
  { label: 'broken percent escape', raw: '%E0%A4%A' },
  { label: 'encoded NUL', raw: '%00' },
  { label: 'encoded lone surrogate', raw: '%ED%A0%80' },
  { label: 'long segment (2,000 characters)', raw: 'a'.repeat(2000) },
]
