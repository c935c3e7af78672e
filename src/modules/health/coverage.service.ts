import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'
import type { Coverage } from './campaign.schema.ts'
import {
  dosesByCountry,
  dosesBySite,
  dosesByWeek,
  registeredIn,
  siteCountries,
} from './coverage.repository.ts'
import { healthError } from './health.errors.ts'

/** HQ sees every country; an officer the countries of their missions (another is not found). */
async function requireCountry(ctx: AppContext, principal: Principal, country: string) {
  if (principal.roles.includes('admin')) return
  const visible = await visibleCountries(ctx.db, principal)
  if (visible && !visible.includes(country))
    throw healthError('health.coverage_country', `No coverage of ${country} for you`)
}

/** People registered in the country, people vaccinated and doses given at its sites, by site and week. */
export async function coverageOf(ctx: AppContext, principal: Principal, country: string): Promise<Coverage> {
  await requireCountry(ctx, principal, country)
  const [registered, given, sites, weeks] = await Promise.all([
    registeredIn(ctx.db, [country]),
    dosesByCountry(ctx.db, [country]),
    dosesBySite(ctx.db, country),
    dosesByWeek(ctx.db, country),
  ])
  return {
    country,
    registered: registered.get(country) ?? 0,
    vaccinated: given[0]?.people ?? 0,
    doses: given[0]?.doses ?? 0,
    sites: sites.map((s) => ({
      siteId: s.site_id,
      name: { 'zh-CN': s.name_zh, en: s.name_en },
      doses: s.doses,
      people: s.people,
    })),
    weeks,
  }
}

/** Every country with a vaccination site that the caller may see: the world map's figures. */
export async function worldCoverage(ctx: AppContext, principal: Principal) {
  const visible = principal.roles.includes('admin') ? null : await visibleCountries(ctx.db, principal)
  const countries = (await siteCountries(ctx.db)).filter((c) => !visible || visible.includes(c))
  const [registered, given] = await Promise.all([
    registeredIn(ctx.db, countries),
    dosesByCountry(ctx.db, countries),
  ])
  return countries.map((country) => {
    const g = given.find((x) => x.country === country)
    return {
      country,
      registered: registered.get(country) ?? 0,
      vaccinated: g?.people ?? 0,
      doses: g?.doses ?? 0,
    }
  })
}

const csvCell = (v: string | number) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v)

export async function worldCoverageCsv(ctx: AppContext, principal: Principal): Promise<string> {
  const rows = await worldCoverage(ctx, principal)
  const lines = [['country', 'registered', 'vaccinated', 'doses', 'coverage_percent']]
  for (const r of rows)
    lines.push([
      r.country,
      String(r.registered),
      String(r.vaccinated),
      String(r.doses),
      r.registered > 0 ? ((100 * r.vaccinated) / r.registered).toFixed(1) : '',
    ])
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`
}
