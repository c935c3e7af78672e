import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { unknownCountries } from '../reference/index.ts'
import { knownDetailsOf, listDependantRows } from '../registrations/index.ts'
import type { MyProgramme, Programme, ProgrammeBody } from './campaign.schema.ts'
import { dosesOfPerson } from './dose.repository.ts'
import { healthError } from './health.errors.ts'
import {
  bookingsOfPerson,
  countriesOfPerson,
  findProgramme,
  findSites,
  insertProgramme,
  listProgrammes,
  runningProgrammes,
  screeningsOf,
  sitesOfProgrammes,
} from './programme.repository.ts'

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgramme>>>
type SiteRow = Awaited<ReturnType<typeof sitesOfProgrammes>>[number]

const today = () => new Date().toISOString().slice(0, 10)
const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10))

function toProgramme(p: ProgrammeRow, sites: readonly SiteRow[]): Programme {
  return {
    id: p.id,
    name: { 'zh-CN': p.name_zh, en: p.name_en },
    products: p.products,
    countries: p.countries,
    startsOn: dateText(p.starts_on),
    endsOn: dateText(p.ends_on),
    minAge: p.min_age,
    maxAge: p.max_age,
    sites: sites
      .filter((s) => s.programme_id === p.id)
      .map((s) => ({
        id: s.id,
        name: { 'zh-CN': s.name_zh, en: s.name_en },
        mission: s.mission_code,
        country: s.country,
      })),
  }
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** No age limits: anyone; else a known date of birth within the range. */
function ageFits(
  p: { min_age: number | null; max_age: number | null },
  dateOfBirth: string | null,
  day: string,
) {
  if (p.min_age === null && p.max_age === null) return true
  if (!dateOfBirth) return false
  const age = ageOn(dateOfBirth, day)
  return (p.min_age === null || age >= p.min_age) && (p.max_age === null || age <= p.max_age)
}

/**
 * A duty officer (or an administrator) opens a programme: the sites must exist and lie in the
 * programme's countries, the countries must be known; nothing is written otherwise.
 */
export async function createProgramme(
  ctx: AppContext,
  principal: Principal,
  body: ProgrammeBody,
  ip: string | null,
): Promise<{ id: string }> {
  if (body.endsOn < body.startsOn)
    throw healthError('health.programme_dates_order', 'The programme ends before it starts')
  if (body.minAge !== undefined && body.maxAge !== undefined && body.minAge > body.maxAge)
    throw healthError('health.programme_ages_order', 'The minimum age is above the maximum age')
  const countries = [...new Set(body.countries)]
  const unknown = await unknownCountries(ctx.db, countries)
  if (unknown.length > 0)
    throw healthError('health.unknown_country', `Unknown countries: ${unknown.join(', ')}`)
  const siteIds = [...new Set(body.siteIds)]
  const sites = await findSites(ctx.db, siteIds)
  if (sites.length !== siteIds.length) throw healthError('health.unknown_site', 'A site named does not exist')
  const outside = sites.filter((s) => !countries.includes(s.country))
  if (outside.length > 0)
    throw healthError(
      'health.site_outside_countries',
      "Every site must lie in one of the programme's countries",
    )
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    await insertProgramme(
      trx,
      {
        id,
        name_zh: body.name['zh-CN'],
        name_en: body.name.en,
        products: [...new Set(body.products)],
        countries,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        min_age: body.minAge ?? null,
        max_age: body.maxAge ?? null,
        created_by: principal.userId,
      },
      siteIds,
    )
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.programme_created',
      subjectType: 'programme',
      subjectId: id,
      ip,
      details: { countries, siteIds, startsOn: body.startsOn, endsOn: body.endsOn },
    })
  })
  return { id }
}

export async function programmes(ctx: AppContext): Promise<Programme[]> {
  const rows = await listProgrammes(ctx.db)
  const sites = await sitesOfProgrammes(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toProgramme(r, sites))
}

export async function programmeById(ctx: AppContext, id: string): Promise<Programme> {
  const p = await findProgramme(ctx.db, id)
  if (!p) throw healthError('health.programme_not_found', 'No such programme')
  return toProgramme(p, await sitesOfProgrammes(ctx.db, [id]))
}

/**
 * The programmes open to a person now: running today in a country they are registered in, and
 * within the age range for them or one of their family members (dependants live with them).
 */
export async function myProgrammes(ctx: AppContext, userId: string): Promise<MyProgramme[]> {
  const day = today()
  const countries = await countriesOfPerson(ctx.db, userId)
  const rows = await runningProgrammes(ctx.db, countries, day)
  if (rows.length === 0) return []
  const me = await knownDetailsOf(ctx, userId)
  const family = await listDependantRows(ctx.db, userId)
  const ids = rows.map((r) => r.id)
  const [sites, screenings, bookings, doses] = await Promise.all([
    sitesOfProgrammes(ctx.db, ids),
    screeningsOf(ctx.db, userId, ids),
    bookingsOfPerson(ctx.db, userId),
    dosesOfPerson(ctx.db, userId),
  ])
  const out: MyProgramme[] = []
  for (const r of rows) {
    const eligible = ageFits(r, me.dateOfBirth, day)
    const members = family.map((d) => ({
      dependantId: d.id,
      name: d.name_zh ?? d.name_latin ?? '',
      eligible: ageFits(r, d.date_of_birth === null ? null : dateText(d.date_of_birth), day),
    }))
    if (!eligible && !members.some((m) => m.eligible)) continue
    const s = screenings.find((x) => x.programme_id === r.id)
    // A booking whose dose was given is behind the person: the next dose is booked anew.
    const given = doses.filter((d) => r.products.includes(d.product)).length
    const b = bookings.find((x) => x.programme_id === r.id && x.dose_number > given)
    out.push({
      ...toProgramme(r, sites),
      eligible,
      family: members,
      screening: s ? { flagged: s.flagged, answeredAt: s.answered_at.toISOString() } : null,
      booking: b ? { appointmentId: b.appointment_id, siteId: b.site_id, doseNumber: b.dose_number } : null,
    })
  }
  return out
}

/** One of my open programmes for me myself; anything else is not found. */
export async function myOpenProgramme(ctx: AppContext, userId: string, programmeId: string) {
  const p = (await myProgrammes(ctx, userId)).find((x) => x.id === programmeId)
  if (!p?.eligible) throw healthError('health.programme_not_found', 'No such programme open to you')
  return p
}
