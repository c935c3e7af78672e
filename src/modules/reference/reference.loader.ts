import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppContext } from '../../context.ts'
import { listCountries as countryCatalog } from './country.catalog.ts'
import { knownCountryCodes, replaceCountryShape, upsertCountries } from './country.repository.ts'
import { loadCountryShapes } from './country.shapes.ts'
import { type MissionRecord, parseMissionFile } from './mission.file.ts'
import { type NewMission, replaceMissions } from './mission.repository.ts'
import { loadedVersion, markLoaded } from './reference-load.repository.ts'

const require = createRequire(import.meta.url)
const BUNDLED_MISSIONS = fileURLToPath(new URL('./data/missions.json', import.meta.url))
/** Bump when the catalogue's own overrides change, so existing databases reload. */
const CATALOG_REVISION = 1

export class ReferenceFileError extends Error {
  constructor(readonly errors: Array<{ line: number; field?: string; reason: string }>) {
    super(errors.map((e) => `line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.reason}`).join('\n'))
  }
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version
}

function toNewMission(m: MissionRecord): NewMission {
  return {
    code: m.code,
    kind: m.kind,
    country: m.country,
    name_zh: m.name['zh-CN'],
    name_en: m.name.en,
    city_zh: m.city['zh-CN'],
    city_en: m.city.en,
    address: m.address ?? null,
    phone: m.phone ?? null,
    email: m.email ?? null,
    emergency_phone: m.emergencyPhone ?? null,
    hours: m.hours ?? null,
    lat: m.lat ?? null,
    lon: m.lon ?? null,
    district_countries: m.district.countries ?? [],
    districtAreas: m.district.areas ?? [],
  }
}

async function loadCountries(ctx: AppContext, version: string): Promise<void> {
  const catalog = countryCatalog()
  const shapes = loadCountryShapes()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertCountries(
      trx,
      catalog.map((c) => ({
        code: c.code,
        alpha3: c.alpha3,
        numeric: c.numeric,
        name_zh: c.name['zh-CN'],
        name_en: c.name.en,
        calling_code: c.callingCode,
        region_of_china: c.regionOfChina,
      })),
    )
    const known = new Set(catalog.map((c) => c.code))
    for (const shape of shapes) {
      if (known.has(shape.code)) await replaceCountryShape(trx, shape.code, JSON.stringify(shape.geometry))
    }
    await markLoaded(trx, 'countries', version)
  })
}

async function storeMissions(ctx: AppContext, missions: MissionRecord[], version: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await replaceMissions(trx, missions.map(toNewMission))
    await markLoaded(trx, 'missions', version)
  })
}

/** Parses and loads a ministry's mission list: all of it, or nothing and every error with its line. */
export async function loadMissionsFromFile(ctx: AppContext, file: string): Promise<{ missions: number }> {
  const text = await fs.readFile(file, 'utf8')
  const format = path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'json'
  const parsed = parseMissionFile(text, format, new Set(await knownCountryCodes(ctx.db)))
  if (!parsed.ok) throw new ReferenceFileError(parsed.errors)
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16)
  await storeMissions(ctx, parsed.missions, `file:${path.basename(file)}:${digest}`)
  return { missions: parsed.missions.length }
}

/**
 * Loads countries, shapes and the bundled sample missions when they are missing or out of date.
 * A mission list a ministry loaded from its own file is never replaced by the sample.
 */
export async function loadReferenceData(ctx: AppContext): Promise<{ countries: boolean; missions: boolean }> {
  const countriesVersion = [
    `world-atlas@${packageVersion('world-atlas')}`,
    `i18n-iso-countries@${packageVersion('i18n-iso-countries')}`,
    `rev${CATALOG_REVISION}`,
  ].join('+')
  const countries = (await loadedVersion(ctx.db, 'countries')) !== countriesVersion
  if (countries) await loadCountries(ctx, countriesVersion)

  const text = await fs.readFile(BUNDLED_MISSIONS, 'utf8')
  const bundledVersion = `bundled:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`
  const current = await loadedVersion(ctx.db, 'missions')
  const missions = current === undefined || (current.startsWith('bundled:') && current !== bundledVersion)
  if (missions) {
    const parsed = parseMissionFile(text, 'json', new Set(await knownCountryCodes(ctx.db)))
    if (!parsed.ok) throw new ReferenceFileError(parsed.errors)
    await storeMissions(ctx, parsed.missions, bundledVersion)
  }
  return { countries, missions }
}
