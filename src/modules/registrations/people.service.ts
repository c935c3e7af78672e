import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission } from '../identity/index.ts'
import {
  countPeople,
  findPeople,
  findPerson,
  type PeopleFilter,
  type PersonRow,
  personInScope,
} from './people.repository.ts'
import type { PeopleQuery, PeopleSearchBody } from './people.schema.ts'
import { toE164 } from './phone.schema.ts'
import type { PresenceWindow } from './presence.ts'
import { findSealedPassport } from './profile.repository.ts'
import { maskPassport } from './profile.service.ts'
import { registrationError } from './registrations.errors.ts'

/** What both searches ask: the listing's country or the search's area, a text, a date, how many. */
export type PeopleCriteria = Omit<PeopleQuery, 'format'> | Omit<PeopleSearchBody, 'format'>

/** Duty officers see everyone; an officer sees people in the districts of their missions. */
function missionScope(principal: Principal): readonly string[] | null {
  return seesEveryMission(principal) ? null : principal.missions
}

function windowOn(date: string | undefined): PresenceWindow {
  const from = date ? new Date(`${date}T00:00:00Z`) : new Date()
  const to = date ? new Date(`${date}T23:59:59Z`) : new Date(Date.now() + 366 * 86_400_000)
  return { from, to }
}

function textFilter(ctx: AppContext, q: string | undefined): PeopleFilter['text'] {
  const text = q?.trim()
  if (!text) return undefined
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const phone = text.startsWith('+') ? (toE164(text) ?? undefined) : undefined
  const passport = /^[A-Za-z0-9]{5,20}$/.test(text) ? ctx.secrets.blindIndex(text.toUpperCase()) : undefined
  const email = text.includes('@') ? text.toLowerCase() : undefined
  return { like, phone, passportDigest: passport, email }
}

function toPerson(row: PersonRow) {
  return {
    id: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    nameZh: row.name_zh,
    email: row.email,
    phone: row.phone,
    passportNumber: maskPassport(row.passport_last4),
    places: row.places,
    dependants: row.dependants.map((d) => ({
      id: d.id,
      relation: d.relation,
      nameLatin: d.name_latin,
      nameZh: d.name_zh,
      dateOfBirth: d.date_of_birth,
      sex: d.sex,
      passportNumber: maskPassport(d.passport_last4),
    })),
  }
}

export async function searchPeople(ctx: AppContext, principal: Principal, query: PeopleCriteria, ip: string) {
  const country = 'country' in query ? query.country : undefined
  const area = 'area' in query ? query.area : undefined
  const filter: PeopleFilter = {
    window: windowOn(query.on),
    missions: missionScope(principal),
    country,
    areaGeoJson: area ? JSON.stringify(area) : undefined,
    text: textFilter(ctx, query.q),
  }
  const [counted, rows] = await Promise.all([
    countPeople(ctx.db, filter),
    findPeople(ctx.db, filter, query.limit),
  ])
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'people.search',
    ip,
    details: {
      country,
      q: query.q,
      area: area !== undefined,
      on: query.on,
      count: counted.people,
      dependants: counted.dependants,
      shown: rows.length,
      dependantsShown: rows.reduce((n, r) => n + r.dependants.length, 0),
    },
  })
  return {
    count: counted.people,
    dependants: counted.dependants,
    heads: counted.people + counted.dependants,
    people: rows.map(toPerson),
  }
}

async function assertInScope(ctx: AppContext, principal: Principal, personId: string): Promise<void> {
  const ok = await personInScope(ctx.db, personId, windowOn(undefined), missionScope(principal))
  if (!ok) throw registrationError('person.not_found', 'No such person in your jurisdiction')
}

export async function viewPerson(ctx: AppContext, principal: Principal, personId: string, ip: string) {
  await assertInScope(ctx, principal, personId)
  const row = await findPerson(ctx.db, personId, windowOn(undefined))
  if (!row) throw registrationError('person.not_found', 'No such person in your jurisdiction')
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'person.view',
    subjectType: 'person',
    subjectId: personId,
    ip,
    details: { dependants: row.dependants.map((d) => d.id) },
  })
  return toPerson(row)
}

export async function revealPassport(ctx: AppContext, principal: Principal, personId: string, ip: string) {
  await assertInScope(ctx, principal, personId)
  const sealed = await findSealedPassport(ctx.db, personId)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'person.passport_reveal',
    subjectType: 'person',
    subjectId: personId,
    ip,
  })
  return { passportNumber: sealed ? ctx.secrets.open(sealed) : null }
}

const CSV_HEADER = [
  'id',
  'name',
  'name_latin',
  'name_zh',
  'phone',
  'email',
  'passport',
  'places',
  'dependants',
]

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function peopleCsv(people: ReturnType<typeof toPerson>[]): string {
  const lines = people.map((p) =>
    [
      p.id,
      p.name,
      p.nameLatin,
      p.nameZh,
      p.phone,
      p.email,
      p.passportNumber,
      p.places.map((x) => `${x.source}:${x.country}${x.lat === null ? '' : `@${x.lat},${x.lon}`}`).join(' '),
      p.dependants
        .map((d) => `${d.relation}:${d.nameLatin}${d.passportNumber ? ` ${d.passportNumber}` : ''}`)
        .join('; '),
    ]
      .map(csvCell)
      .join(','),
  )
  return `\uFEFF${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`
}
