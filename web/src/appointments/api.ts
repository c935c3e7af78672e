import { del, get, post, put } from '../lib/api.ts'
import type {
  Appointment,
  Calendar,
  CalendarBody,
  PublicQueue,
  QueueNext,
  Slot,
  StaffAppointment,
  TicketAction,
  TicketState,
  WaitlistEntry,
} from './types.ts'

// Every path the appointment screens call, in one place. Paths marked (contract) are issue #10's;
// the others are the server module's own (src/modules/appointments/*.routes.ts).

const q = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v))
  const text = s.toString()
  return text ? `?${text}` : ''
}
const m = (code: string) => `/api/v1/missions/${encodeURIComponent(code)}`

export const appointmentsApi = {
  /** (contract) free and full slots, mission-local dates inclusive. */
  slots: (mission: string, service: string, from: string, to: string, location?: string) =>
    get<Slot[]>(`${m(mission)}/slots${q({ service, from, to, location })}`),
  /** The calendar (its officers and admins); 404 `appointment.no_calendar` while none is set. */
  calendar: (mission: string, location?: string) => get<Calendar>(`${m(mission)}/calendar${q({ location })}`),
  /** (contract) replaces the hours. */
  saveCalendar: (mission: string, body: CalendarBody, location?: string) =>
    put<Calendar>(`${m(mission)}/calendar${q({ location })}`, body),
  /** (contract) */
  mine: () => get<Appointment[]>('/api/v1/me/appointments'),
  /** (contract) */
  book: (body: {
    mission: string
    service: string
    start: string
    location?: string
    applicationId?: string
    altcha: string
  }) => post<Appointment>('/api/v1/me/appointments', body),
  /** (contract) 204 */
  cancel: (id: string) => del<void>(`/api/v1/me/appointments/${id}`),
  /** Confirm a place held from the waitlist. */
  confirmHold: (id: string) => post<Appointment>(`/api/v1/me/appointments/${id}/confirm`),
  /** (contract) */
  joinWaitlist: (body: { mission: string; service: string; from: string; to: string; altcha: string }) =>
    post<WaitlistEntry>('/api/v1/me/appointments/waitlist', body),

  /** My waitlist entries, latest first. */
  myWaitlist: () => get<WaitlistEntry[]>('/api/v1/me/appointments/waitlist'),
  /** 204; a place held for the entry is declined. */
  leaveWaitlist: (id: string) => del<void>(`/api/v1/me/appointments/waitlist/${id}`),
  /** Where a mission takes bookings, the main counter hall first, and what each books. */
  locations: (mission: string) =>
    get<{ location: string; timezone: string; services: string[] }[]>(`${m(mission)}/locations`),

  /** The e-mail's manage link (`/appointments/manage/{id}?sig=…`): no sign-in, the signature is the key. */
  managed: (id: string, sig: string) => get<Appointment>(`/api/v1/public/appointments/${id}${q({ sig })}`),
  cancelManaged: (id: string, sig: string) =>
    post<void>(`/api/v1/public/appointments/${id}/cancel${q({ sig })}`),
  moveManaged: (id: string, sig: string, body: { start: string; altcha: string }) =>
    post<Appointment>(`/api/v1/public/appointments/${id}/move${q({ sig })}`, body),
  confirmManaged: (id: string, sig: string) =>
    post<Appointment>(`/api/v1/public/appointments/${id}/confirm${q({ sig })}`),

  /** (contract) staff: the day's bookings. */
  day: (mission: string, date: string, location?: string) =>
    get<StaffAppointment[]>(`${m(mission)}/appointments${q({ date, location })}`),
  /** (contract) */
  checkIn: (id: string) => post<{ ticket: string }>(`/api/v1/appointments/${id}/check-in`),
  /** A ticket for someone without a booking. */
  walkIn: (mission: string, location?: string) =>
    post<{ ticket: string }>(`${m(mission)}/queue/walk-ins`, location ? { location } : {}),
  /** (contract) */
  next: (mission: string, counter: number) => post<QueueNext>(`${m(mission)}/queue/next`, { counter }),
  /** Call again (missed after three calls), serve, finish or give up a called ticket. */
  ticket: (mission: string, ticket: string, action: TicketAction) =>
    post<TicketState>(`${m(mission)}/queue/tickets/${encodeURIComponent(ticket)}`, { action }),

  /** (contract) public */
  queue: (mission: string) =>
    get<PublicQueue>(`/api/v1/public/missions/${encodeURIComponent(mission)}/queue`),
  queueEventsUrl: (mission: string) => `/api/v1/public/missions/${encodeURIComponent(mission)}/queue/events`,
}

/** The mission-local date and time of an ISO 8601 string with the mission's offset. */
export const localDate = (iso: string) => iso.slice(0, 10)
export const localTime = (iso: string) => iso.slice(11, 16)

/** `YYYY-MM-DD` plus n days, in the calendar (no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** Today's date where the browser is; good enough to start a week view. */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Today's date in a time zone (the mission's), `YYYY-MM-DD`. */
export function todayIn(timezone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date())
  } catch {
    return today()
  }
}

/** "周二 12/8" or "Tue 8 Dec" for a calendar date. */
export function dayLabel(day: string, lang: string, weekday: 'short' | 'long' = 'short'): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, {
    weekday,
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  })
}

/** Statuses in which a booking still holds its place. */
export const ACTIVE = new Set(['held', 'booked', 'checked_in', 'called', 'serving'])
