import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { checkMove } from './appointment-status.ts'
import type { AppointmentRow, SlotRow, WaitlistRow } from './appointments.table.ts'
import { sendHoldOffer } from './booking.messages.ts'
import {
  bookedToHeld,
  findAppointment,
  insertAppointment,
  lockSlot,
  newCode,
  releasePlace,
  setStatus,
} from './booking.repository.ts'
import { findCalendar } from './calendar.repository.ts'
import { holdJobType } from './hold.job-type.ts'
import { firstInLine, setWaitlistStatus } from './waitlist.repository.ts'
import { localDate } from './zoned-time.ts'

/** How long a place freed for the first on the waitlist waits for them. */
export const HOLD_MINUTES = 15

/**
 * A place of this slot is free (a cancellation, a move, a lapsed hold): the first in line whose
 * range covers the day gets it held for 15 minutes and a notification; with nobody waiting the
 * place is free at once. `from` says what the place was counted as.
 */
export async function handOver(
  ctx: AppContext,
  trx: Transaction<Database>,
  slotId: string,
  from: 'booked' | 'held',
  timezone: string,
): Promise<AppointmentRow | null> {
  const slot: SlotRow = await lockSlot(trx, slotId)
  const next =
    slot.starts_at.getTime() > Date.now()
      ? await firstInLine(trx, {
          mission: slot.mission_code,
          location: slot.location,
          service: slot.service,
          date: localDate(slot.starts_at, timezone),
        })
      : undefined
  if (!next) {
    await releasePlace(trx, slotId, from)
    return null
  }
  if (from === 'booked') await bookedToHeld(trx, slotId)
  return offerHeld(ctx, trx, slot, next, timezone)
}

/**
 * Makes the held appointment of a place already counted as held in the slot for the waitlist
 * entry `next`: 15 minutes to confirm, a notification with the one-tap link, the expiry job.
 */
export async function offerHeld(
  ctx: AppContext,
  trx: Transaction<Database>,
  slot: SlotRow,
  next: WaitlistRow,
  timezone: string,
): Promise<AppointmentRow> {
  const expires = new Date(Date.now() + HOLD_MINUTES * 60_000)
  const held = await insertAppointment(trx, {
    id: uuidv7(),
    code: newCode(),
    user_id: next.user_id,
    slot_id: slot.id,
    mission_code: slot.mission_code,
    location: slot.location,
    service: slot.service,
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    status: 'held',
    holder_name: next.holder_name,
    passport_digest: next.passport_digest,
    passport_last4: next.passport_last4,
    application_id: null,
    waitlist_id: next.id,
    hold_expires_at: expires,
    ticket: null,
    counter: null,
    checked_in_at: null,
    called_at: null,
    served_at: null,
    done_at: null,
    cancelled_at: null,
  })
  await setWaitlistStatus(trx, next.id, 'offered')
  await sendHoldOffer(ctx, trx, held, timezone)
  await ctx.queue.send(holdJobType, { appointmentId: held.id }, { trx, startAfter: expires })
  return held
}

/** Ends a hold that was not confirmed in time and passes the place on. Idempotent: a confirmed hold is left alone. */
export async function passExpiredHold(
  ctx: AppContext,
  appointmentId: string,
  now = new Date(),
): Promise<boolean> {
  const first = await findAppointment(ctx.db, appointmentId)
  if (!first) return false
  const cal = await findCalendar(ctx.db, first.mission_code, first.location)
  const tz = cal?.timezone ?? 'UTC'
  return ctx.db.transaction().execute(async (trx) => {
    const a = await findAppointment(trx, appointmentId, true)
    if (a?.status !== 'held' || !a.hold_expires_at || a.hold_expires_at > now) return false
    checkMove(a.status, 'lapsed')
    await setStatus(trx, a.id, 'lapsed')
    if (a.waitlist_id) await setWaitlistStatus(trx, a.waitlist_id, 'expired')
    await handOver(ctx, trx, a.slot_id, 'held', tz)
    return true
  })
}

/** Every hold past its time (a sweep beside the jobs, for holds whose job was lost). */
export async function passExpiredHolds(ctx: AppContext, now = new Date()): Promise<number> {
  const rows = await ctx.db
    .selectFrom('appointments')
    .select('id')
    .where('status', '=', 'held')
    .where('hold_expires_at', '<=', now)
    .execute()
  let passed = 0
  for (const r of rows) if (await passExpiredHold(ctx, r.id, now)) passed++
  return passed
}
