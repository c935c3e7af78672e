import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { placedAreaSql } from '../../platform/geo/antimeridian.ts'
import type { CountryRow } from './reference.table.ts'

/** A country without its shape (which only PostGIS reads). */
export type CountryRecordRow = Omit<CountryRow, 'geom'>

const COLUMNS = [
  'code',
  'alpha3',
  'numeric',
  'name_zh',
  'name_en',
  'calling_code',
  'region_of_china',
] as const

export function listCountryRows(db: Db): Promise<CountryRecordRow[]> {
  return db.selectFrom('countries').select(COLUMNS).orderBy('code').execute()
}

export function findCountryRow(db: Db, code: string): Promise<CountryRecordRow | undefined> {
  return db.selectFrom('countries').select(COLUMNS).where('code', '=', code).executeTakeFirst()
}

export async function upsertCountries(db: Db, rows: CountryRecordRow[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('countries')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        alpha3: eb.ref('excluded.alpha3'),
        numeric: eb.ref('excluded.numeric'),
        name_zh: eb.ref('excluded.name_zh'),
        name_en: eb.ref('excluded.name_en'),
        calling_code: eb.ref('excluded.calling_code'),
        region_of_china: eb.ref('excluded.region_of_china'),
      })),
    )
    .execute()
}

/** Stores a country's shape and its subdivided parts (what point look-ups use). */
export async function replaceCountryShape(db: Db, code: string, geojson: string): Promise<void> {
  await db
    .updateTable('countries')
    .set({
      geom: sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326)), 3))`,
    })
    .where('code', '=', code)
    .execute()
  await db.deleteFrom('country_parts').where('code', '=', code).execute()
  await sql`
    insert into country_parts (code, geom)
    select ${code}, d.geom
    from countries c,
         lateral (select (ST_Dump(ST_Subdivide(ST_CollectionExtract(c.geom, 3), 128))).geom) d
    where c.code = ${code} and GeometryType(d.geom) = 'POLYGON'`.execute(db)
}

/** The country whose shape holds the point; failing that, the nearest within `toleranceM` (coasts). */
export async function countryCodeAt(
  db: Db,
  lat: number,
  lon: number,
  toleranceM: number,
): Promise<string | null> {
  const point = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`
  const inside = await sql<{ code: string }>`
    select code from country_parts where ST_Intersects(geom, ${point}) order by code limit 1`.execute(db)
  if (inside.rows[0]) return inside.rows[0].code
  const near = await sql<{ code: string }>`
    select code from (
      select code, geom from country_parts order by geom <-> ${point} limit 8
    ) nearest
    where ST_DWithin(geom::geography, ${point}::geography, ${toleranceM})
    order by ST_Distance(geom::geography, ${point}::geography), code
    limit 1`.execute(db)
  return near.rows[0]?.code ?? null
}

/** The codes among `codes` that name a country (all of them when `codes` is left out). */
export async function knownCountryCodes(db: Db, codes?: readonly string[]): Promise<string[]> {
  let q = db.selectFrom('countries').select('code')
  if (codes) q = q.where('code', 'in', [...codes])
  return (await q.execute()).map((r) => r.code)
}

/** Names of the countries given, or of every country when `codes` is left out. */
export function countryNameRows(db: Db, codes?: readonly string[]) {
  let q = db.selectFrom('countries').select(['code', 'name_zh', 'name_en'])
  if (codes) q = q.where('code', 'in', [...codes])
  return q.orderBy('code').execute()
}

/** Whether the country's shape is loaded (its subdivided parts, which point look-ups use). */
export async function hasCountryShape(db: Db, code: string): Promise<boolean> {
  const part = await db
    .selectFrom('country_parts')
    .select('id')
    .where('code', '=', code)
    .limit(1)
    .executeTakeFirst()
  return part !== undefined
}

/** Whether a GeoJSON area touches the country's shape; null when the country has no shape. */
export async function areaTouchesCountryShape(
  db: Db,
  code: string,
  geojson: string,
): Promise<boolean | null> {
  const r = await sql<{ has_shape: boolean; touches: boolean }>`
    select exists (select 1 from country_parts where code = ${code}) as has_shape,
           exists (select 1 from country_parts
                    where code = ${code}
                      and ST_Intersects(geom, ${placedAreaSql(geojson)})) as touches`.execute(db)
  const row = r.rows[0]
  return row?.has_shape ? row.touches : null
}
