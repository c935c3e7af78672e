/**
 * CAP 1.2 times (section 3.3.2): seconds precision and a numeric offset, never "Z"; UTC is written
 * "-00:00". The JSON model also takes "Z" and fractions, so writers pass times through here.
 */
export function toCapDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(value.trim())
  if (!m) return value
  return `${m[1]}${m[2] === 'Z' ? '-00:00' : m[2]}`
}

/** A moment as a CAP time in UTC. */
export const formatCapDateTime = (date: Date) => toCapDateTime(date.toISOString())
