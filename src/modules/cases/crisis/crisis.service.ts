import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { getAlert } from '../../alerts/index.ts'
import { areaInCountry, unknownCountries } from '../../reference/index.ts'
import { crisisScopeOf, scopeOf } from '../access.ts'
import { findCaseRow } from '../case/case.repository.ts'
import { casesError } from '../cases.errors.ts'
import { findContactRow } from '../hotline/contact.repository.ts'
import {
  closeCrisisRow,
  findCrisisRow,
  insertCrisis,
  isValidArea,
  linkAlertRow,
  linkCaseRow,
  linkContactRow,
  linkedAlertIds,
  linkedCounts,
  listCrisisRows,
} from './crisis.repository.ts'
import type { CreateCrisisBody, Crisis, CrisisDetail, CrisisStatus } from './crisis.schema.ts'
import type { CrisisRow } from './crisis.table.ts'
import { manifestCounts } from './crisis-manifest.repository.ts'
import { type LegWithCount, listAssemblyPoints, listLegs } from './evacuation.repository.ts'

export function toCrisis(row: CrisisRow): Crisis {
  return {
    id: row.id,
    name: row.name,
    country: row.country.trim(),
    area: JSON.parse(row.area),
    startsAt: row.starts_at.toISOString(),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  }
}

/** The crisis the caller may see, else 404 (never 403: another country's crisis is not confirmed). */
export async function loadCrisis(
  ctx: AppContext,
  principal: Principal,
  id: string,
  db: Db = ctx.db,
  forUpdate = false,
): Promise<CrisisRow> {
  const row = await findCrisisRow(db, id, await crisisScopeOf(db, principal), forUpdate)
  if (!row) throw casesError('crisis.not_found', `No crisis ${id}`)
  return row
}

export function assertActive(row: CrisisRow): void {
  if (row.status !== 'active') throw casesError('crisis.closed', 'The crisis is closed')
}

export async function createCrisis(
  ctx: AppContext,
  principal: Principal,
  body: CreateCrisisBody,
  ip: string | null,
): Promise<CrisisDetail> {
  if ((await unknownCountries(ctx.db, [body.country])).length)
    throw casesError('reference.unknown_country', `Unknown country: ${body.country}`)
  const scope = await crisisScopeOf(ctx.db, principal)
  if (!scope.all && !scope.countries.includes(body.country))
    throw casesError('crisis.outside_scope', `Your missions do not cover ${body.country}`)
  const area = JSON.stringify(body.area)
  if (!(await isValidArea(ctx.db, area)))
    throw casesError(
      'crisis.bad_area',
      'The area is not a valid polygon (its edges cross or it has no surface)',
    )
  if ((await areaInCountry(ctx.db, body.country, area)) === false)
    throw casesError('crisis.area_outside_country', `The area does not touch ${body.country}`)
  const id = uuidv7()
  const now = new Date()
  await ctx.db.transaction().execute(async (trx) => {
    await insertCrisis(trx, {
      id,
      name: body.name,
      country: body.country,
      areaGeoJson: area,
      startsAt: body.startsAt ? new Date(body.startsAt) : now,
      createdBy: principal.userId,
      createdAt: now,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'crisis.create',
      subjectType: 'crisis',
      subjectId: id,
      ip,
      details: { country: body.country, name: body.name },
    })
  })
  return getCrisis(ctx, principal, id)
}

export async function listCrises(
  ctx: AppContext,
  principal: Principal,
  status: CrisisStatus | undefined,
): Promise<{ crises: Crisis[] }> {
  const rows = await listCrisisRows(ctx.db, await crisisScopeOf(ctx.db, principal), status)
  return { crises: rows.map(toCrisis) }
}

export async function getCrisis(ctx: AppContext, principal: Principal, id: string): Promise<CrisisDetail> {
  const row = await loadCrisis(ctx, principal, id)
  const people = await manifestCounts(ctx.db, id, new Date())
  const linked = await linkedCounts(ctx.db, id)
  const points = await listAssemblyPoints(ctx.db, id)
  const legs = await listLegs(ctx.db, id)
  return {
    ...toCrisis(row),
    counts: {
      peopleInArea: people.reduce((n, c) => n + c.in_area, 0),
      people: Object.fromEntries(people.map((c) => [c.status, c.n])),
      cases: Object.fromEntries(linked.cases.map((c) => [c.status, c.n])),
      casesTotal: linked.cases.reduce((n, c) => n + c.n, 0),
      contacts: linked.contacts,
    },
    assemblyPoints: points.map((p) => ({
      id: p.id,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      opensAt: p.opens_at?.toISOString() ?? null,
      checkedIn: p.checked_in,
    })),
    legs: legs.map(toLeg),
    alertIds: await linkedAlertIds(ctx.db, id),
  }
}

/**
 * Links an alert the caller may see (a draft included) to the crisis: the manifest then shows each
 * person's answer to it. Linking twice changes nothing.
 */
export async function linkAlertToCrisis(
  ctx: AppContext,
  principal: Principal,
  id: string,
  alertId: string,
  ip: string | null,
): Promise<CrisisDetail> {
  await loadCrisis(ctx, principal, id)
  await getAlert(ctx, principal, alertId)
  await ctx.db.transaction().execute(async (trx) => {
    await loadCrisis(ctx, principal, id, trx, true)
    if (await linkAlertRow(trx, id, alertId, principal.userId))
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'crisis.link_alert',
        subjectType: 'crisis',
        subjectId: id,
        ip,
        details: { alertId },
      })
  })
  return getCrisis(ctx, principal, id)
}

export async function closeCrisis(ctx: AppContext, principal: Principal, id: string, ip: string | null) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCrisis(ctx, principal, id, trx, true)
    assertActive(row)
    await closeCrisisRow(trx, id, principal.userId, new Date())
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'crisis.close',
      subjectType: 'crisis',
      subjectId: id,
      ip,
    })
  })
  return getCrisis(ctx, principal, id)
}

/** Links a case or a contact the caller may see; linking twice changes nothing. */
export async function linkToCrisis(
  ctx: AppContext,
  principal: Principal,
  id: string,
  target: { caseId: string } | { contactId: string },
  ip: string | null,
): Promise<CrisisDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadCrisis(ctx, principal, id, trx)
    const scope = scopeOf(principal)
    let linked: boolean
    if ('caseId' in target) {
      if (!(await findCaseRow(trx, scope, target.caseId)))
        throw casesError('case.not_found', `No case ${target.caseId}`)
      linked = await linkCaseRow(trx, id, target.caseId, principal.userId)
    } else {
      if (!(await findContactRow(trx, target.contactId, scope)))
        throw casesError('contact.not_found', `No contact ${target.contactId}`)
      linked = await linkContactRow(trx, id, target.contactId, principal.userId)
    }
    if (linked)
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'caseId' in target ? 'crisis.link_case' : 'crisis.link_contact',
        subjectType: 'crisis',
        subjectId: id,
        ip,
        details: target,
      })
  })
  return getCrisis(ctx, principal, id)
}

/** A transport leg as the console shows it, with how many have boarded. */
export function toLeg(l: LegWithCount) {
  return {
    id: l.id,
    name: l.name,
    mode: l.mode,
    fromPointId: l.from_point_id,
    destination: l.destination,
    departsAt: l.departs_at.toISOString(),
    capacity: l.capacity,
    boarded: l.boarded,
  }
}
