import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { levelsAt } from '../advisories/index.ts'
import { visibleCountries } from '../identity/index.ts'
import { siteNotFound } from './enterprises.errors.ts'
import { findSiteRow, sitesByCountryRows, staffSiteRows } from './site.repository.ts'
import { present } from './site.service.ts'
import { presentRoster } from './staff.service.ts'

export const SITES_EXPORT_LIMIT = 10_000

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const COLUMNS = [
  'enterprise',
  'enterprise_zh',
  'site',
  'kind',
  'country',
  'lat',
  'lon',
  'staff_chinese',
  'staff_local',
  'staff_other',
  'country_level',
  'region_level',
  'assessment_score',
  'roster',
  'training_coverage',
  'security_officer',
  'officer_phone',
  'officer_email',
] as const

/** The sites the caller's missions cover, as a spreadsheet (audited: it names people and phones). */
export async function exportStaffSites(
  ctx: AppContext,
  principal: Principal,
  country: string | undefined,
  ip: string,
): Promise<string> {
  const countries = await visibleCountries(ctx.db, principal)
  const rows = await staffSiteRows(ctx.db, countries, country, undefined, SITES_EXPORT_LIMIT)
  const sites = await present(ctx.db, rows)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'sites.export',
    subjectType: 'enterprise_site',
    ip,
    details: { country: country ?? null, count: sites.length },
  })
  const lines = [COLUMNS.join(',')]
  for (const s of sites) {
    const cells: unknown[] = [
      s.enterprise.name,
      s.enterprise.nameZh,
      s.name,
      s.kind,
      s.country,
      s.lat,
      s.lon,
      s.staff.chinese,
      s.staff.local,
      s.staff.other,
      s.advisory.country,
      s.advisory.region?.level ?? null,
      s.assessmentScore,
      s.training.roster,
      s.training.coverage,
      s.securityOfficer.name,
      s.securityOfficer.phone,
      s.securityOfficer.email,
    ]
    lines.push(cells.map((c) => (typeof c === 'number' ? String(c) : csvCell(c))).join(','))
  }
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** HQ's view: sites per country with the country's level (an officer: their missions' countries). */
export async function sitesByCountry(ctx: AppContext, principal: Principal) {
  const countries = await visibleCountries(ctx.db, principal)
  const rows = await sitesByCountryRows(ctx.db, countries)
  const levels = await levelsAt(
    ctx.db,
    rows.map((r) => ({ country: r.country, lat: 0, lon: 0 })),
  )
  return rows.map((r, i) => ({ ...r, level: levels[i]?.country ?? null }))
}

/** A site's roster for a mission's staff: in scope only, and audited. */
export async function staffSiteRoster(ctx: AppContext, principal: Principal, siteId: string, ip: string) {
  const row = await findSiteRow(ctx.db, siteId)
  const countries = await visibleCountries(ctx.db, principal)
  if (row?.enterprise_status !== 'verified' || (countries && !countries.includes(row.country)))
    throw siteNotFound()
  const roster = await presentRoster(ctx.db, siteId)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'sites.roster_view',
    subjectType: 'enterprise_site',
    subjectId: siteId,
    ip,
    details: { count: roster.length },
  })
  return roster
}
