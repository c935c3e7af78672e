import type { TrainingState } from './staff.schema.ts'

const DAY_MS = 86_400_000
export const EXPIRING_DAYS = 30

/** Dates as 'YYYY-MM-DD' (UTC): expired past `validUntil`, expiring within 30 days of it. */
export function trainingState(validUntil: string, today: string): TrainingState {
  if (validUntil < today) return 'expired'
  const left = (Date.parse(validUntil) - Date.parse(today)) / DAY_MS
  return left <= EXPIRING_DAYS ? 'expiring' : 'valid'
}

export function daysAfter(today: string, days: number): string {
  return new Date(Date.parse(today) + days * DAY_MS).toISOString().slice(0, 10)
}
