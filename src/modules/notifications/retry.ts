/** After this many attempts a delivery is recorded as failed. */
export const MAX_ATTEMPTS = 5

/** When to try again after the given number of attempts: 15 s, 30 s, 1 min, … at most an hour. */
export function nextAttemptAt(attempts: number, notBefore?: Date): Date {
  const at = new Date(Date.now() + Math.min(3600, 15 * 2 ** (attempts - 1)) * 1000)
  return notBefore && notBefore > at ? notBefore : at
}

/**
 * A `Retry-After` header (seconds or an HTTP date) as an instant; a service asking for more than a
 * day is not waited for beyond that.
 */
export function parseRetryAfter(value: string | string[] | undefined): Date | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (!text) return undefined
  const seconds = Number(text)
  const at = Number.isFinite(seconds) ? Date.now() + seconds * 1000 : new Date(text).getTime()
  if (Number.isNaN(at)) return undefined
  return new Date(Math.min(at, Date.now() + 86_400_000))
}
