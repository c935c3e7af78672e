/**
 * Wall-clock time in a mission's time zone, with nothing but Intl: a local date and "HH:MM" to an
 * instant, an instant to ISO 8601 with the zone's offset, today's date there, the weekday.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Whether the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    partsFormatter(name)
    return true
  } catch {
    return false
  }
}

interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallAt(instant: number, timeZone: string): Wall {
  const out: Record<string, number> = {}
  for (const p of partsFormatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') out[p.type] = Number(p.value)
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  }
}

/** The zone's offset from UTC at an instant, in minutes (Tokyo +540). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallAt(instant, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}

/**
 * The instant of a local date and time, or null when the clock skips it (a DST gap).
 * In an hour that repeats, the earlier one.
 */
export function instantOf(date: string, time: string, timeZone: string): number | null {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const local = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0)
  let guess = local - offsetMinutes(local, timeZone) * 60_000
  const second = local - offsetMinutes(guess, timeZone) * 60_000
  if (second !== guess) {
    const earlier = Math.min(guess, second)
    guess = localText(earlier, timeZone) === `${date}T${time}` ? earlier : second
  }
  return localText(guess, timeZone) === `${date}T${time}` ? guess : null
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function localText(instant: number, timeZone: string): string {
  const w = wallAt(instant, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/** ISO 8601 with the zone's offset: `2026-12-08T09:00:00+09:00`. */
export function isoInZone(instant: number | Date, timeZone: string): string {
  const at = typeof instant === 'number' ? instant : instant.getTime()
  const w = wallAt(at, timeZone)
  const off = offsetMinutes(at, timeZone)
  const sign = off < 0 ? '-' : '+'
  const abs = Math.abs(off)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instant: number | Date, timeZone: string): string {
  return localText(typeof instant === 'number' ? instant : instant.getTime(), timeZone).slice(0, 10)
}

/** The local time (HH:MM) of an instant in the zone. */
export function localTime(instant: number | Date, timeZone: string): string {
  return localText(typeof instant === 'number' ? instant : instant.getTime(), timeZone).slice(11, 16)
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** "HH:MM" to minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export function timeOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}
