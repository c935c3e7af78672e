import type { WeeklyHours } from './appointments.table.ts'
import { addDays, daysBetween, instantOf, isoWeekday, minutesOf, offsetMinutes } from './zoned-time.ts'

/** What slots are cut from: one service of one calendar. */
export interface SlotPlan {
  timezone: string
  weekly: readonly WeeklyHours[]
  closedDates: readonly string[]
  slotMinutes: number
  bufferMinutes: number
}

export interface PlannedSlot {
  /** The local date. */
  date: string
  start: number
  end: number
  /** ISO 8601 with the zone's offset. */
  startText: string
  endText: string
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** The local start minutes of one day's slots: each opening cut into slot + buffer steps that fit. */
export function dayStarts(plan: SlotPlan, date: string): number[] {
  if (plan.closedDates.includes(date)) return []
  const day = isoWeekday(date)
  const starts = new Set<number>()
  const step = plan.slotMinutes + plan.bufferMinutes
  for (const w of plan.weekly) {
    if (w.day !== day) continue
    const closes = minutesOf(w.closes)
    for (let t = minutesOf(w.opens); t + plan.slotMinutes <= closes; t += step) starts.add(t)
  }
  return [...starts].sort((a, b) => a - b)
}

/**
 * Every slot of the local dates from..to (inclusive), in order. A day whose offset does not change
 * is computed from one conversion; a day with a clock change converts each slot (a start the
 * clock skips is left out).
 */
export function planSlots(plan: SlotPlan, from: string, to: string): PlannedSlot[] {
  const out: PlannedSlot[] = []
  const span = plan.slotMinutes * 60_000
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) {
    const date = addDays(from, i)
    const starts = dayStarts(plan, date)
    if (starts.length === 0) continue
    const midnight = instantOf(date, '00:00', plan.timezone) ?? Date.parse(`${date}T00:00:00Z`)
    const offStart = offsetMinutes(midnight, plan.timezone)
    const offEnd = offsetMinutes(midnight + 36 * 3_600_000, plan.timezone)
    const fixed = offStart === offEnd
    const offText = offsetText(offStart)
    const dayStart = Date.parse(`${date}T00:00:00Z`)
    for (const m of starts) {
      if (fixed) {
        // One offset all day: the texts are the local clock, no conversion per slot.
        const start = dayStart + (m - offStart) * 60_000
        const endMinute = m + plan.slotMinutes
        const endDate = endMinute >= 1440 ? addDays(date, Math.floor(endMinute / 1440)) : date
        out.push({
          date,
          start,
          end: start + span,
          startText: `${date}T${clock(m)}:00${offText}`,
          endText: `${endDate}T${clock(endMinute % 1440)}:00${offText}`,
        })
        continue
      }
      const start = instantOf(date, clock(m), plan.timezone)
      if (start === null) continue
      const startOff = offsetMinutes(start, plan.timezone)
      const end = start + span
      const endOff = offsetMinutes(end, plan.timezone)
      out.push({
        date,
        start,
        end,
        startText: `${new Date(start + startOff * 60_000).toISOString().slice(0, 19)}${offsetText(startOff)}`,
        endText: `${new Date(end + endOff * 60_000).toISOString().slice(0, 19)}${offsetText(endOff)}`,
      })
    }
  }
  return out
}
