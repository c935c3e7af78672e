import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { MissionRow } from './reference.table.ts'

/** A mission with its point as coordinates and without its drawn district (read apart: it can be large). */
export type MissionRecordRow = Omit<
  MissionRow,
  'location' | 'district_area' | 'updated_at' | 'contacts_updated_at'
> & {
  lat: number | null
  lon: number | null
}

export interface NewMission extends MissionRecordRow {
  /** GeoJSON geometries (Polygon or MultiPolygon), already validated. */
  districtAreas: unknown[]
}

function selectMissions(db: Db) {
  return db
    .selectFrom('missions')
    .select([
      'code',
      'kind',
      'country',
      'name_zh',
      'name_en',
      'city_zh',
      'city_en',
      'address',
      'phone',
      'email',
      'emergency_phone',
      'hours',
      'district_countries',
      sql<number | null>`ST_Y(location)`.as('lat'),
      sql<number | null>`ST_X(location)`.as('lon'),
    ])
}

export function listMissionRows(db: Db): Promise<MissionRecordRow[]> {
  return selectMissions(db).orderBy('country').orderBy('kind').orderBy('code').execute()
}

export function findMissionRow(db: Db, code: string): Promise<MissionRecordRow | undefined> {
  return selectMissions(db).where('code', '=', code).executeTakeFirst()
}

export async function findDistrictArea(db: Db, code: string): Promise<unknown | null> {
  const row = await db
    .selectFrom('missions')
    .select(sql<string | null>`ST_AsGeoJSON(district_area, 6)`.as('area'))
    .where('code', '=', code)
    .executeTakeFirst()
  return row?.area ? JSON.parse(row.area) : null
}

/** Codes of the missions with a drawn district area. */
export async function missionCodesWithArea(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('missions').select('code').where('district_area', 'is not', null).execute()
  return rows.map((r) => r.code)
}

export async function missionNameRows(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return []
  return db
    .selectFrom('missions')
    .select(['code', 'name_zh', 'name_en'])
    .where('code', 'in', [...codes])
    .execute()
}

/** Replaces the whole list in the caller's transaction: a load is all or nothing. */
export async function replaceMissions(db: Db, missions: readonly NewMission[]): Promise<void> {
  await db.deleteFrom('missions').execute()
  for (const m of missions) {
    const areas = JSON.stringify({ type: 'GeometryCollection', geometries: m.districtAreas })
    await db
      .insertInto('missions')
      .values({
        code: m.code,
        kind: m.kind,
        country: m.country,
        name_zh: m.name_zh,
        name_en: m.name_en,
        city_zh: m.city_zh,
        city_en: m.city_en,
        address: m.address,
        phone: m.phone,
        email: m.email,
        emergency_phone: m.emergency_phone,
        hours: m.hours ? JSON.stringify(m.hours) : null,
        location:
          m.lat === null || m.lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${m.lon}, ${m.lat}), 4326)`,
        district_countries: m.district_countries,
        district_area:
          m.districtAreas.length === 0
            ? null
            : sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${areas}), 4326)), 3))`,
      })
      .execute()
  }
}

/**
 * The mission whose district holds the point: drawn areas first (consulates before embassies),
 * then whole-country coverage of the given country, again consulates first.
 */
export async function missionCodeAt(
  db: Db,
  lat: number,
  lon: number,
  country: string | null,
): Promise<string | null> {
  const point = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`
  const byArea = await sql<{ code: string }>`
    select code from missions where ST_Intersects(district_area, ${point})
    order by (kind = 'embassy'), code limit 1`.execute(db)
  if (byArea.rows[0]) return byArea.rows[0].code
  if (!country) return null
  return missionCodeForCountry(db, country)
}

export async function missionCodeForCountry(db: Db, country: string): Promise<string | null> {
  const row = await sql<{ code: string }>`
    select code from missions where ${country}::char(2) = any(district_countries)
    order by (kind = 'embassy'), code limit 1`.execute(db)
  return row.rows[0]?.code ?? null
}

/** Countries the missions answer for: their own country and every country of their districts. */
export async function countryCodesOfMissions(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return []
  const r = await sql<{ code: string }>`
    select distinct c as code from missions m, unnest(array_append(m.district_countries, m.country::text)) c
     where m.code = any(${[...codes]}::text[]) order by 1`.execute(db)
  return r.rows.map((x) => x.code.trim())
}

/** Missions with where they are (for other modules' places at a mission: vaccination sites). */
export function missionPlaces(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([])
  return db
    .selectFrom('missions')
    .select([
      'code',
      'country',
      'name_zh',
      'name_en',
      'address',
      sql<number | null>`ST_X(location)`.as('lon'),
      sql<number | null>`ST_Y(location)`.as('lat'),
    ])
    .where('code', 'in', codes)
    .orderBy('code')
    .execute()
}

export interface MissionContacts {
  phone: string | null
  emergency_phone: string | null
  email: string | null
  hours: { 'zh-CN': string; en: string } | null
}

/**
 * Writes a mission's contact fields; false when there is no such mission (or, with
 * `onlyIfUntouched`, when its contacts were already written once: the demo seed's case).
 */
export async function updateMissionContacts(
  db: Db,
  code: string,
  contacts: Partial<MissionContacts>,
  onlyIfUntouched = false,
) {
  let q = db
    .updateTable('missions')
    .set({
      ...(contacts.phone !== undefined && { phone: contacts.phone }),
      ...(contacts.emergency_phone !== undefined && { emergency_phone: contacts.emergency_phone }),
      ...(contacts.email !== undefined && { email: contacts.email }),
      ...(contacts.hours !== undefined && { hours: contacts.hours ? JSON.stringify(contacts.hours) : null }),
      contacts_updated_at: sql`now()`,
    })
    .where('code', '=', code)
  if (onlyIfUntouched) q = q.where('contacts_updated_at', 'is', null)
  const r = await q.executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}
