// The GSM 03.38 default alphabet, and its extension table (each of those takes two septets).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const GSM_EXTENDED = new Set('^{}\\[~]|€\f')

/** A text message longer than this many segments is cut: each segment is billed and may arrive late. */
export const MAX_SMS_SEGMENTS = 3

export interface SmsSize {
  readonly encoding: 'gsm7' | 'ucs2'
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number
  readonly segments: number
}

/**
 * How a text is sent: GSM-7 when every character is in the GSM alphabet (160 per message, 153
 * per part of a longer one), else UCS-2 (70, and 67 per part): one Chinese character makes the
 * whole message UCS-2.
 */
export function smsSize(text: string): SmsSize {
  let septets = 0
  let gsm = true
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1
    else if (GSM_EXTENDED.has(ch)) septets += 2
    else {
      gsm = false
      break
    }
  }
  if (gsm)
    return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) }
  const units = text.length
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) }
}

/**
 * The text of an emergency SMS: the title, then the link (kept whole); without a link, the title
 * and as much of the body as fits. Shortened to at most MAX_SMS_SEGMENTS segments.
 */
export function smsText(title: string, body: string, link: string | null): string {
  const head = title.trim()
  if (link) return shortenToFit(head, (t) => `${t}\n${link}`)
  return shortenToFit(`${head}\n${body.trim()}`, (t) => t)
}

function shortenToFit(shortenable: string, compose: (s: string) => string): string {
  const full = compose(shortenable)
  if (smsSize(full).segments <= MAX_SMS_SEGMENTS) return full
  const chars = Array.from(shortenable)
  const ellipsis = smsSize(full).encoding === 'gsm7' ? '...' : '…'
  let keep = chars.length
  while (keep > 0) {
    keep -= Math.max(1, Math.floor(keep / 20))
    const text = compose(`${chars.slice(0, keep).join('').trimEnd()}${ellipsis}`)
    if (smsSize(text).segments <= MAX_SMS_SEGMENTS) return text
  }
  return compose('').trim()
}
