import type { Kysely } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { citiesDataSet, findCities } from './cities.ts'
import {
  areaTouchesCountryShape,
  type CountryRecordRow,
  countryCodeAt,
  countryNameRows,
  findCountryRow,
  hasCountryShape,
  knownCountryCodes,
  listCountryRows,
} from './country.repository.ts'
import { emergencyNumbersOf } from './emergency-numbers.ts'
import {
  countryCodesOfMissions,
  findDistrictArea,
  findMissionRow,
  listMissionRows,
  type MissionRecordRow,
  missionCodeAt,
  missionCodeForCountry,
  missionCodesWithArea,
  missionNameRows,
  updateMissionContacts,
} from './mission.repository.ts'
import { referenceError } from './reference.errors.ts'
import type { City, Country, Mission, MissionContactsBody, MissionDetail } from './reference.schema.ts'

/** Points on a coast or a harbour often fall just outside Natural Earth's line. */
const COAST_TOLERANCE_M = 5_000
const CHINA_AND_REGIONS = new Set(['CN', 'HK', 'MO', 'TW'])

function toCountry(row: CountryRecordRow): Country {
  return {
    code: row.code,
    alpha3: row.alpha3,
    numeric: row.numeric,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    callingCode: row.calling_code,
    regionOfChina: row.region_of_china,
    emergencyNumbers: emergencyNumbersOf(row.code),
  }
}

function toMission(row: MissionRecordRow): Mission {
  return {
    code: row.code,
    kind: row.kind,
    country: row.country,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    city: { 'zh-CN': row.city_zh, en: row.city_en },
    address: row.address,
    phone: row.phone,
    emergencyPhone: row.emergency_phone,
    email: row.email,
    hours: row.hours ? { 'zh-CN': row.hours['zh-CN'], en: row.hours.en } : null,
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
    district: { countries: row.district_countries, hasArea: false },
  }
}

export async function listCountries(ctx: AppContext): Promise<Country[]> {
  return (await listCountryRows(ctx.db)).map(toCountry)
}

export async function getCountry(ctx: AppContext, code: string) {
  const row = await findCountryRow(ctx.db, code)
  if (!row) throw referenceError('reference.unknown_country', `No country with code ${code}`)
  const missions = (await listMissionRows(ctx.db)).filter(
    (m) => m.country === code || m.district_countries.includes(code),
  )
  return {
    ...toCountry(row),
    missions: missions.map((m) => m.code),
    hasShape: await hasCountryShape(ctx.db, code),
  }
}

export async function listMissions(ctx: AppContext): Promise<Mission[]> {
  const rows = await listMissionRows(ctx.db)
  const withArea = new Set(await missionCodesWithArea(ctx.db))
  return rows.map((r) => {
    const m = toMission(r)
    return { ...m, district: { ...m.district, hasArea: withArea.has(r.code) } }
  })
}

export async function getMission(ctx: AppContext, code: string): Promise<MissionDetail> {
  const row = await findMissionRow(ctx.db, code)
  if (!row) throw referenceError('reference.unknown_mission', `No mission with code ${code}`)
  const area = await findDistrictArea(ctx.db, code)
  const m = toMission(row)
  return { ...m, district: { countries: m.district.countries, hasArea: area !== null, area } }
}

/**
 * Changes a mission's phone, 24-hour line, e-mail or hours: its own officers and the
 * administrators (another mission's officer gets 404, as for anything outside their scope).
 */
export async function editMissionContacts(
  ctx: AppContext,
  principal: Principal,
  code: string,
  body: MissionContactsBody,
): Promise<MissionDetail> {
  const mayEdit = principal.roles.includes('admin') || principal.missions.includes(code)
  if (!mayEdit) throw referenceError('reference.unknown_mission', `No mission with code ${code}`)
  await ctx.db.transaction().execute(async (trx) => {
    const found = await updateMissionContacts(trx, code, {
      phone: body.phone,
      emergency_phone: body.emergencyPhone,
      email: body.email,
      hours: body.hours,
    })
    if (!found) throw referenceError('reference.unknown_mission', `No mission with code ${code}`)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'mission.contacts_updated',
      subjectType: 'mission',
      subjectId: code,
      details: { fields: Object.keys(body) },
    })
  })
  return getMission(ctx, code)
}

const CJK = /[\u3400-\u9fff]/

/**
 * Cities for a form: by the start of their name, in a country or anywhere, largest first. GeoNames
 * names are Latin; a query in Chinese is taken as the start of a country's Chinese name (东京 is
 * not in the data set, 日本 is a country) and gives that country's largest cities.
 */
export async function searchCities(
  ctx: AppContext,
  query: { q: string; country?: string; limit: number },
): Promise<{ dataset: string | null; items: City[] }> {
  return { dataset: citiesDataSet(), items: await findCityItems(ctx, query) }
}

async function findCityItems(
  ctx: AppContext,
  query: { q: string; country?: string; limit: number },
): Promise<City[]> {
  const names = new Map((await countryNameRows(ctx.db)).map((r) => [r.code, r]))
  let countries: string[] | null = query.country ? [query.country] : null
  let q = query.q
  if (CJK.test(q)) {
    const byName = [...names.values()].filter((r) => r.name_zh.startsWith(q)).map((r) => r.code)
    countries = countries ? countries.filter((c) => byName.includes(c)) : byName
    q = ''
  }
  if (countries?.length === 0) return []
  return findCities(q, countries, query.limit).map((c) => {
    const n = names.get(c.country)
    return {
      ...c,
      countryName: { 'zh-CN': n?.name_zh ?? c.country, en: n?.name_en ?? c.country },
    }
  })
}

export async function countryAt(db: Kysely<Database>, lat: number, lon: number): Promise<string | null> {
  return countryCodeAt(db, lat, lon, COAST_TOLERANCE_M)
}

/** The country a coordinate lies in, or 404 (the open sea). */
export async function locateCountry(ctx: AppContext, lat: number, lon: number): Promise<{ code: string }> {
  const code = await countryAt(ctx.db, lat, lon)
  if (!code) throw referenceError('geo.no_country', 'No country at this point (open sea?)')
  return { code }
}

/** The mission responsible for a coordinate with its names, or 404. */
export async function locateMission(ctx: AppContext, lat: number, lon: number) {
  const code = await missionAt(ctx.db, lat, lon)
  if (!code) throw referenceError('geo.no_mission', 'No consular district covers this point')
  const name = (await missionNames(ctx.db, [code])).get(code)
  if (!name) throw new Error(`mission ${code} vanished`)
  return { code, name }
}

/** The mission responsible for a point; China itself and its regions lie outside every district. */
export async function missionAt(db: Kysely<Database>, lat: number, lon: number): Promise<string | null> {
  const country = await countryAt(db, lat, lon)
  if (country && CHINA_AND_REGIONS.has(country)) return null
  return missionCodeAt(db, lat, lon, country)
}

/** The mission covering a whole country (consulates before embassies); none for China and its regions. */
export async function missionForCountry(db: Kysely<Database>, country: string): Promise<string | null> {
  if (CHINA_AND_REGIONS.has(country)) return null
  return missionCodeForCountry(db, country)
}

export async function missionNames(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, Localized>> {
  const rows = await missionNameRows(db, codes)
  return new Map(rows.map((r) => [r.code, { 'zh-CN': r.name_zh, en: r.name_en }]))
}

/** Country names in both languages, by code (codes that name no country are left out). */
export async function countryNames(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, Localized>> {
  if (codes.length === 0) return new Map()
  const rows = await countryNameRows(db, codes)
  return new Map(rows.map((r) => [r.code, { 'zh-CN': r.name_zh, en: r.name_en }]))
}

export async function unknownMissions(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  const known = new Set((await missionNameRows(db, codes)).map((r) => r.code))
  return codes.filter((c) => !known.has(c))
}

export async function unknownCountries(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)]
  if (wanted.length === 0) return []
  const known = new Set(await knownCountryCodes(db, wanted))
  return wanted.filter((c) => !known.has(c))
}

/**
 * Whether a drawn area lies (at least partly) in the country. Areas are drawn by hand, over
 * coasts and borders, so touching the shape is enough; null when the country has no shape.
 */
export async function areaInCountry(
  db: Kysely<Database>,
  code: string,
  geojson: string,
): Promise<boolean | null> {
  return areaTouchesCountryShape(db, code, geojson)
}

/** The countries staff of these missions act for (the missions' own countries and their districts). */
export async function countriesOfMissions(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  return countryCodesOfMissions(db, codes)
}
