/** After this many attempts a delivery is recorded as failed. */
export const MAX_ATTEMPTS = 5

/** When to try again after the given number of attempts: 15 s, 30 s, 1 min, … at most an hour. */
export function nextAttemptAt(attempts: number, notBefore?: Date): Date {
  const at = new Date(Date.now() + Math.min(3600, 15 * 2 ** (attempts - 1)) * 1000)
  return notBefore && notBefore > at ? notBefore : at
}

/** The earlier of two retry times, either of which may be absent. */
export function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a < b ? a : b
}
