import type { AppContext } from '../../context.ts'
import { APPOINTMENT_SERVICES, MAIN_LOCATION } from './appointments.enums.ts'
import { hasCalendar, replaceCalendar } from './calendar.repository.ts'

const DEMO_ZONES: Readonly<Record<string, string>> = {
  'JP-TYO-EMB': 'Asia/Tokyo',
  'FR-PAR-EMB': 'Europe/Paris',
}

const WEEKDAYS = [1, 2, 3, 4, 5]

/** The demo missions' counter halls open on weekdays, 9–12 and 14–17; once (officers' edits are kept). */
export async function seedDemoCalendars(ctx: AppContext, updatedBy: string): Promise<void> {
  for (const [mission, timezone] of Object.entries(DEMO_ZONES)) {
    if (await hasCalendar(ctx.db, mission)) continue
    await replaceCalendar(ctx.db, {
      mission,
      location: MAIN_LOCATION,
      timezone,
      weekly: WEEKDAYS.flatMap((day) => [
        { day, opens: '09:00', closes: '12:00' },
        { day, opens: '14:00', closes: '17:00' },
      ]),
      closedDates: [],
      horizonDays: 60,
      minNoticeHours: 24,
      bufferMinutes: 0,
      services: APPOINTMENT_SERVICES.map((service) =>
        service === 'vaccination'
          ? { service, slotMinutes: 15, capacity: 3 }
          : { service, slotMinutes: 30, capacity: 2 },
      ),
      updatedBy,
    })
  }
}
