import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'

export interface CountryRow {
  code: string
  alpha3: string
  numeric: string
  name_zh: string
  name_en: string
  calling_code: string | null
  region_of_china: boolean
}

const COLUMNS = [
  'code',
  'alpha3',
  'numeric',
  'name_zh',
  'name_en',
  'calling_code',
  'region_of_china',
] as const

export function listCountryRows(db: Db): Promise<CountryRow[]> {
  return db.selectFrom('countries').select(COLUMNS).orderBy('code').execute()
}

export function findCountryRow(db: Db, code: string): Promise<CountryRow | undefined> {
  return db.selectFrom('countries').select(COLUMNS).where('code', '=', code).executeTakeFirst()
}

export async function upsertCountries(db: Db, rows: CountryRow[]): Promise<void> {
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

export async function countCountryShapes(db: Db): Promise<number> {
  const row = await db
    .selectFrom('countries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('geom', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
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
                      and ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))) as touches`.execute(
    db,
  )
  const row = r.rows[0]
  return row?.has_shape ? row.touches : null
}
