import type { AppointmentService } from './appointments.enums.ts'
import type { AppointmentRow } from './appointments.table.ts'
import type { Appointment } from './booking.schema.ts'
import { isoInZone } from './zoned-time.ts'

/** An appointment as its holder sees it, times in the mission's zone. */
export function toAppointment(a: AppointmentRow, timezone: string, withName = true): Appointment {
  return {
    id: a.id,
    status: a.status,
    start: isoInZone(a.starts_at, timezone),
    end: isoInZone(a.ends_at, timezone),
    mission: a.mission_code,
    location: a.location,
    service: a.service as AppointmentService,
    code: a.code,
    name: withName ? a.holder_name : null,
    applicationId: a.application_id,
    holdExpiresAt: a.hold_expires_at ? isoInZone(a.hold_expires_at, timezone) : null,
    ticket: a.ticket,
    counter: a.status === 'called' || a.status === 'serving' ? a.counter : null,
  }
}
