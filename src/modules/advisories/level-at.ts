import { sql } from 'kysely'
import type { Db } from '../../database.ts'

export interface PlaceLevel {
  /** The country's published level, null when none was ever published. */
  readonly country: number | null
  /** The highest published, unretired region whose drawn area holds the point. */
  readonly region: { key: string; level: number; name: { 'zh-CN': string; en: string } } | null
}

/**
 * The advisory levels at places (a country and a point each), in the order given: one statement
 * for a page of places, so a list of sites shows each one's level without a query per site.
 */
export async function levelsAt(
  db: Db,
  places: readonly { country: string; lat: number; lon: number }[],
): Promise<PlaceLevel[]> {
  if (places.length === 0) return []
  const { rows } = await sql<{
    i: number
    country_level: number | null
    region_key: string | null
    region_level: number | null
    name_zh: string | null
    name_en: string | null
  }>`
    with p as (
      select t.country, t.lat, t.lon, t.i from unnest(
        ${places.map((p) => p.country)}::text[], ${places.map((p) => p.lat)}::float8[],
        ${places.map((p) => p.lon)}::float8[]) with ordinality as t(country, lat, lon, i))
    select p.i::int as i,
      (select v.level from advisory_versions v
        where v.country = p.country and v.status = 'published'
        order by v.version desc limit 1) as country_level,
      r.region_key, r.level as region_level, r.name_zh, r.name_en
    from p left join lateral (
      select x.region_key, x.level, x.name_zh, x.name_en from (
        select distinct on (rv.region_key) rv.region_key, rv.level, rv.retired, rv.name_zh, rv.name_en, rv.area
          from advisory_region_versions rv
         where rv.country = p.country and rv.status = 'published'
         order by rv.region_key, rv.version desc) x
       where not x.retired and x.area is not null
         and ST_Intersects(x.area, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
       order by x.level desc, x.region_key limit 1) r on true
    order by p.i`.execute(db)
  return rows.map((r) => ({
    country: r.country_level,
    region:
      r.region_key !== null && r.region_level !== null
        ? {
            key: r.region_key,
            level: r.region_level,
            name: { 'zh-CN': r.name_zh ?? '', en: r.name_en ?? '' },
          }
        : null,
  }))
}
