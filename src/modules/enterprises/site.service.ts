import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { levelsAt } from '../advisories/index.ts'
import { visibleCountries } from '../identity/index.ts'
import { countryAt, unknownCountries } from '../reference/index.ts'
import { accessOf, requireMember } from './enterprise.service.ts'
import { toSite } from './enterprise.view.ts'
import { enterpriseError, siteNotFound } from './enterprises.errors.ts'
import {
  findSiteRow,
  insertSite,
  type SiteRow,
  sitesOfEnterprise,
  staffSiteRows,
  updateSiteRow,
} from './site.repository.ts'
import type { SiteBody, StaffSitesQuery } from './site.schema.ts'

export async function present(db: Db, rows: SiteRow[]) {
  const levels = await levelsAt(db, rows)
  return rows.map((r, i) => toSite(r, levels[i]))
}

async function presentOne(db: Db, row: SiteRow) {
  return toSite(row, (await levelsAt(db, [row]))[0])
}

async function checkPlace(ctx: AppContext, body: SiteBody) {
  if ((await unknownCountries(ctx.db, [body.country])).length)
    throw enterpriseError('enterprise.unknown_country', `Unknown country ${body.country}`)
  const at = await countryAt(ctx.db, body.lat, body.lon)
  if (at && at !== body.country)
    throw enterpriseError(
      'enterprise.point_outside_country',
      `The point lies in ${at}, not in ${body.country}`,
      {
        countryAtPoint: at,
      },
    )
}

export async function createSite(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  body: SiteBody,
  ip: string,
) {
  await requireMember(ctx.db, principal, enterpriseId)
  await checkPlace(ctx, body)
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    await insertSite(trx, id, enterpriseId, body)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.site_create',
      subjectType: 'enterprise_site',
      subjectId: id,
      ip,
      details: { enterpriseId, country: body.country },
    })
  })
  return getSite(ctx, principal, enterpriseId, id)
}

export async function updateSite(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  siteId: string,
  body: SiteBody,
  ip: string,
) {
  await requireMember(ctx.db, principal, enterpriseId)
  const row = await findSiteRow(ctx.db, siteId)
  if (!row || row.enterprise_id !== enterpriseId) throw siteNotFound()
  await checkPlace(ctx, body)
  await ctx.db.transaction().execute(async (trx) => {
    await updateSiteRow(trx, siteId, body)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.site_update',
      subjectType: 'enterprise_site',
      subjectId: siteId,
      ip,
      details: { enterpriseId, country: body.country },
    })
  })
  return getSite(ctx, principal, enterpriseId, siteId)
}

export async function listSites(ctx: AppContext, principal: Principal, enterpriseId: string) {
  await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  return present(ctx.db, await sitesOfEnterprise(ctx.db, enterpriseId))
}

export async function getSite(ctx: AppContext, principal: Principal, enterpriseId: string, siteId: string) {
  await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  const row = await findSiteRow(ctx.db, siteId)
  if (!row || row.enterprise_id !== enterpriseId) throw siteNotFound()
  return presentOne(ctx.db, row)
}

/**
 * Staff's list of verified enterprises' sites: an officer's missions' countries (a country outside
 * them gives no items), every country for duty officers and the hotline. Audited: it names the
 * sites' security officers.
 */
export async function staffSites(ctx: AppContext, principal: Principal, query: StaffSitesQuery, ip: string) {
  const countries = await visibleCountries(ctx.db, principal)
  const rows = await staffSiteRows(ctx.db, countries, query.country, query.cursor, query.limit + 1)
  const page = rows.slice(0, query.limit)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'sites.list',
    subjectType: 'enterprise_site',
    ip,
    details: { country: query.country ?? null, count: page.length },
  })
  return {
    items: await present(ctx.db, page),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

/** One site for staff; outside the officer's countries, or not yet verified, it does not exist. */
export async function staffSite(ctx: AppContext, principal: Principal, siteId: string, ip: string) {
  const row = await findSiteRow(ctx.db, siteId)
  const countries = await visibleCountries(ctx.db, principal)
  if (row?.enterprise_status !== 'verified' || (countries && !countries.includes(row.country)))
    throw siteNotFound()
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'sites.view',
    subjectType: 'enterprise_site',
    subjectId: siteId,
    ip,
  })
  return presentOne(ctx.db, row)
}
