import type { AppContext } from '../../context.ts'
import type { CalendarServiceRow } from './appointments.table.ts'
import { lockSlot, type SlotKey, takePlace } from './booking.repository.ts'
import { slotRowsBetween } from './calendar.repository.ts'
import { bookableAt, type LoadedCalendar } from './calendar.service.ts'
import { offerHeld } from './handover.ts'
import { type PlannedSlot, planSlots } from './slots.ts'
import { lockWaitingEntry, waitingEntries } from './waitlist.repository.ts'
import { addDays, localDate } from './zoned-time.ts'

interface Candidate {
  slot: PlannedSlot
  /** Places the new calendar added to this slot and that are free: what may be offered. */
  offerable: number
}

function planOf(c: LoadedCalendar, s: CalendarServiceRow, from: string, to: string): PlannedSlot[] {
  return planSlots(
    {
      timezone: c.row.timezone,
      weekly: c.row.weekly,
      closedDates: c.row.closed_dates,
      slotMinutes: s.slot_minutes,
      bufferMinutes: c.row.buffer_minutes,
    },
    from,
    to,
  )
}

/** The bookable slots of a service between two local dates where `after` offers more places than `before`, with how many are free. */
async function addedSlots(
  ctx: AppContext,
  before: LoadedCalendar | null,
  after: LoadedCalendar,
  svc: CalendarServiceRow,
  from: string,
  to: string,
): Promise<Candidate[]> {
  const old = before?.services.find((s) => s.service === svc.service)
  const oldCapacity = new Map<number, number>()
  if (before && old) for (const p of planOf(before, old, from, to)) oldCapacity.set(p.start, old.capacity)
  const open = bookableAt(after)
  const grown = planOf(after, svc, from, to).filter(
    (p) => svc.capacity > (oldCapacity.get(p.start) ?? 0) && open(p),
  )
  const first = grown[0]
  const last = grown.at(-1)
  if (!first || !last) return []
  const rows = await slotRowsBetween(
    ctx.db,
    after.row.mission_code,
    after.row.location,
    svc.service,
    new Date(first.start),
    new Date(last.start + 1),
  )
  const taken = new Map(rows.map((r) => [new Date(r.starts_at).getTime(), r.booked + r.held]))
  return grown
    .map((slot) => {
      const added = svc.capacity - (oldCapacity.get(slot.start) ?? 0)
      const free = svc.capacity - (taken.get(slot.start) ?? 0)
      return { slot, offerable: Math.min(added, free) }
    })
    .filter((c) => c.offerable > 0)
}

/**
 * Places a calendar's edit added (a higher capacity, longer or new opening hours, a date opened
 * again) go to the waitlist as a cancelled place does: each waiting entry, first in line first,
 * gets the earliest added place within its dates held for 15 minutes. Each offer is its own short
 * transaction. The number of places offered.
 */
export async function offerAddedPlaces(
  ctx: AppContext,
  before: LoadedCalendar | null,
  after: LoadedCalendar,
): Promise<number> {
  const tz = after.row.timezone
  const today = localDate(Date.now(), tz)
  const horizon = addDays(today, after.row.horizon_days)
  let offered = 0
  for (const svc of after.services) {
    const k = { mission: after.row.mission_code, location: after.row.location, service: svc.service }
    const entries = await waitingEntries(ctx.db, { ...k, today })
    if (entries.length === 0) continue
    const froms = entries.map((e) => String(e.from_date).slice(0, 10)).sort()
    const tos = entries.map((e) => String(e.to_date).slice(0, 10)).sort()
    const lo = [today, froms[0] ?? today].sort()[1] ?? today
    const hi = [horizon, tos.at(-1) ?? today].sort()[0] ?? today
    const candidates = lo <= hi ? await addedSlots(ctx, before, after, svc, lo, hi) : []
    for (const entry of entries) {
      const range = [String(entry.from_date).slice(0, 10), String(entry.to_date).slice(0, 10)]
      const c = candidates.find(
        (x) => x.offerable > 0 && x.slot.date >= (range[0] ?? '') && x.slot.date <= (range[1] ?? ''),
      )
      if (!c) continue
      const key: SlotKey = {
        ...k,
        start: new Date(c.slot.start),
        end: new Date(c.slot.end),
        capacity: svc.capacity,
      }
      const made = await ctx.db.transaction().execute(async (trx) => {
        const next = await lockWaitingEntry(trx, entry.id)
        if (!next) return false
        const slotId = await takePlace(trx, key, 'held')
        if (!slotId) return false
        await offerHeld(ctx, trx, await lockSlot(trx, slotId), next, tz)
        return true
      })
      c.offerable -= 1
      if (made) offered++
    }
  }
  return offered
}
