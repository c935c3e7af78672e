import type { AppointmentStatus } from './appointments.enums.ts'
import { appointmentsError } from './appointments.errors.ts'

/** The one table of an appointment's moves; every status write goes through `checkMove`. */
const MOVES: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  held: ['booked', 'lapsed', 'cancelled'],
  booked: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['called', 'missed'],
  called: ['called', 'serving', 'missed', 'checked_in'],
  serving: ['done'],
  done: [],
  missed: [],
  no_show: [],
  cancelled: [],
  lapsed: [],
}

export function canMove(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return MOVES[from].includes(to)
}

/** 409 `appointment.bad_transition` for a move the table does not hold. */
export function checkMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canMove(from, to))
    throw appointmentsError('appointment.bad_transition', `An appointment cannot go from ${from} to ${to}`, {
      from,
      to,
    })
}
