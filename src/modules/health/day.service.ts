import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { bookAppointment, callNext, checkIn, staffDay, timezoneOf } from '../appointments/index.ts'
import { SERIES } from './campaign.enums.ts'
import type { DayBooking, ProgrammeBookingBody } from './campaign.schema.ts'
import { dosesOfPerson } from './dose.repository.ts'
import type { Product } from './health.enums.ts'
import { healthError } from './health.errors.ts'
import { bookingsWithScreening, insertBooking, screeningsOf } from './programme.repository.ts'
import { myOpenProgramme } from './programme.service.ts'
import { addDays } from './record.service.ts'
import { clinicianSite } from './subject.ts'

const MAIN_LOCATION = 'main'

/**
 * The citizen books a site of an open programme through the appointments module (service
 * `vaccination` at the site's mission); the booking is linked to the programme, so the clinician
 * sees the screening with it. The dose it is for follows the doses already given.
 */
export async function bookFromProgramme(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  body: ProgrammeBookingBody,
) {
  const p = await myOpenProgramme(ctx, principal.userId, programmeId)
  const site = p.sites.find((s) => s.id === body.siteId)
  if (!site?.mission)
    throw healthError('health.site_not_in_programme', 'The site does not take part in this programme')
  const doses = await dosesOfPerson(ctx.db, principal.userId)
  const given = doses.filter((d) => p.products.includes(d.product)).length
  const a = await bookAppointment(ctx, principal, {
    mission: site.mission,
    service: 'vaccination',
    start: body.start,
    altcha: body.altcha,
  })
  await insertBooking(ctx.db, {
    appointmentId: a.id,
    programmeId,
    personId: principal.userId,
    siteId: site.id,
    doseNumber: Math.min(given + 1, 9),
  })
  const [s] = await screeningsOf(ctx.db, principal.userId, [programmeId])
  return {
    appointmentId: a.id,
    code: a.code,
    start: a.start,
    mission: a.mission,
    siteId: site.id,
    flagged: s?.flagged ?? false,
  }
}

/** The clinician acts at the site's mission counter as its officers do, for this site only. */
async function atSite(ctx: AppContext, principal: Principal, siteId: string) {
  const site = await clinicianSite(ctx, principal, siteId)
  if (!site.mission_code) throw healthError('health.site_not_found', 'This site has no counter queue')
  const mission = site.mission_code
  return { site, mission, acting: { ...principal, missions: [mission] } }
}

async function localToday(ctx: AppContext, mission: string): Promise<string> {
  const tz = await timezoneOf(ctx.db, mission, MAIN_LOCATION)
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, dateStyle: 'short' }).format(new Date())
}

/**
 * The clinician's day: the vaccination bookings of the site's counter on a local day (today by
 * default), each with its screening (none, clear, flagged and why) and the person's doses so far.
 */
export async function clinicianDay(
  ctx: AppContext,
  principal: Principal,
  siteId: string,
  date: string | undefined,
  ip: string,
) {
  const { site, mission, acting } = await atSite(ctx, principal, siteId)
  const day = date ?? (await localToday(ctx, mission))
  const all = await staffDay(ctx, acting, mission, day, MAIN_LOCATION, ip)
  const rows = all.filter((a) => a.service === 'vaccination')
  const linked = await bookingsWithScreening(
    ctx.db,
    rows.map((r) => r.id),
  )
  const bookings: DayBooking[] = rows.map((a) => {
    const b = linked.find((l) => l.appointment_id === a.id && l.site_id === site.id)
    return {
      appointmentId: a.id,
      code: a.code,
      status: a.status,
      start: a.start,
      name: a.name,
      passportNumber: a.passportNumber,
      ticket: a.ticket,
      counter: a.counter,
      personId: b?.person_id ?? null,
      programmeId: b?.programme_id ?? null,
      doseNumber: b?.dose_number ?? null,
      screening: !b || b.flagged === null ? 'none' : b.flagged ? 'flagged' : 'clear',
      flags: b?.flags ?? [],
      dosesSoFar: b?.doses_so_far ?? 0,
    }
  })
  return {
    site: {
      id: site.id,
      name: { 'zh-CN': site.name_zh, en: site.name_en },
      mission: site.mission_code,
      country: site.country,
    },
    date: day,
    bookings,
  }
}

/** Check a booking of this site in: a ticket in the mission's queue. */
export async function checkInAtSite(
  ctx: AppContext,
  principal: Principal,
  siteId: string,
  appointmentId: string,
  ip: string,
) {
  const { site, acting } = await atSite(ctx, principal, siteId)
  const [b] = await bookingsWithScreening(ctx.db, [appointmentId])
  if (!b || b.site_id !== site.id) throw healthError('health.site_not_found', 'No such booking at your site')
  return checkIn(ctx, acting, appointmentId, ip)
}

/** Call the earliest checked-in ticket of the site's counter queue to the clinician's desk. */
export async function callNextAtSite(ctx: AppContext, principal: Principal, siteId: string, counter: number) {
  const { mission, acting } = await atSite(ctx, principal, siteId)
  const called = await callNext(ctx, acting, mission, counter, MAIN_LOCATION)
  return { ticket: called.ticket, appointmentId: called.appointmentId ?? null }
}

/** When the next dose of a series is due after a dose; null once the series is complete. */
export function nextDoseDue(d: { product: string; dose_number: number; series_doses: number; date: string }) {
  if (d.dose_number >= d.series_doses) return null
  const series = SERIES[d.product as Product]
  return addDays(String(d.date).slice(0, 10), series?.intervalDays ?? 28)
}
