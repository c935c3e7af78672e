import { type RawBuilder, sql } from 'kysely'
import { placedAreaSql } from '../../platform/geo/antimeridian.ts'
import { inMissionDistrictsSql } from '../reference/index.ts'
import type { ResidenceRow } from './registrations.table.ts'

/** How long "I am here now" counts as where someone is. */
export const LOCATION_FRESH_DAYS = 14

export interface PresenceWindow {
  /** First and last instant of the window (inclusive). */
  readonly from: Date
  readonly to: Date
}

/** A place a person is: the columns residences, trip destinations and locations share, and where it comes from. */
export type PresenceRow = Pick<ResidenceRow, 'user_id' | 'country' | 'location'> & {
  source: 'residence' | 'trip' | 'location'
  /** The trip a `trip` row comes from (its dependants travel with the person); null otherwise. */
  trip_id: string | null
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Every place a person is, or will be, during the window: residence, trip destinations
 * overlapping it, and a fresh "I am here now". One row per place (a person may have several).
 * Other modules compose this as a sub-query, e.g. `select distinct user_id from (…) p where …`,
 * so a fan-out is one INSERT … SELECT.
 */
export function presenceSql(window: PresenceWindow): RawBuilder<PresenceRow> {
  const [first, last] = [day(window.from), day(window.to)].sort()
  // The range overlap repeats the two comparisons so that the (dates, location) GiST index serves it.
  return sql<PresenceRow>`
    select r.user_id, r.country, r.location, 'residence' as source, null::uuid as trip_id from residences r
    union all
    select d.user_id, d.country, d.location, 'trip' as source, d.trip_id from trip_destinations d
     where d.start_date <= ${day(window.to)}::date and d.end_date >= ${day(window.from)}::date
       and daterange(d.start_date, d.end_date, '[]') && daterange(${first}::date, ${last}::date, '[]')
    union all
    select l.user_id, l.country, l.location, 'location' as source, null::uuid as trip_id from current_locations l
     where l.country is not null
       and l.recorded_at >= ${window.from.toISOString()}::timestamptz - make_interval(days => ${LOCATION_FRESH_DAYS})
       and l.recorded_at <= ${window.to.toISOString()}::timestamptz`
}

/** What an area places: alerts and crisis manifests count the same people by this one rule. */
export interface PlacementTarget {
  /** The area as a geometry expression (it may yield null: the alert has no drawn area). */
  readonly area: RawBuilder<unknown>
  /** Whether `area` can be non-null: without one the point arm is left out. */
  readonly hasArea: boolean
  /** Countries whose rows without a point count: those the area touches, and any named. */
  readonly countries: RawBuilder<string[]>
  /** Countries named outright (ISO geocodes): their rows with a point count too. */
  readonly named?: RawBuilder<string[]> | undefined
}

export type PlacedRow = Pick<PresenceRow, 'user_id' | 'source' | 'location' | 'trip_id'>

/**
 * The presence rows an area places: a point inside it, no point but a country it touches, or a
 * country named outright. Each arm is served by an index (the GiST on points, the country
 * indexes) and none matches a row another one does. Arms that cannot match are left out: the
 * planner cannot see that a parameter is empty, and would start parallel workers to scan for
 * nothing.
 */
export function placedInAreaSql(target: PlacementTarget, window: PresenceWindow): RawBuilder<PlacedRow> {
  const presence = presenceSql(window)
  const arms = [
    sql`select p.user_id, p.source, p.location, p.trip_id from (${presence}) p
         where p.location is null and p.country = any(${target.countries})`,
  ]
  if (target.hasArea)
    arms.push(sql`select p.user_id, p.source, p.location, p.trip_id from (${presence}) p
         where p.location is not null and ST_Intersects(p.location, ${target.area})`)
  if (target.named)
    arms.push(sql`select p.user_id, p.source, p.location, p.trip_id from (${presence}) p
         where p.location is not null and p.country = any(${target.named})
           and not coalesce(ST_Intersects(p.location, ${target.area}), false)`)
  return sql<PlacedRow>`${sql.join(arms, sql` union all `)}`
}

/** The presence row `p` has a point inside a GeoJSON area (rows without a point never do). */
export function presenceInArea(alias: string, areaGeoJson: string): RawBuilder<boolean> {
  const p = sql.ref(alias)
  return sql<boolean>`(${p}.location is not null and ST_Intersects(${p}.location, ${placedAreaSql(areaGeoJson)}))`
}

/** The presence row `p` lies in the consular district of one of the missions (staff scope). */
export function presenceInMissions(alias: string, missions: readonly string[]): RawBuilder<boolean> {
  return inMissionDistrictsSql(missions, sql.ref(`${alias}.country`), sql.ref(`${alias}.location`))
}

/** How many dependants travel with the presence row `p` (0 for residences and locations). */
export function dependantsWithPresence(alias: string): RawBuilder<number> {
  const p = sql.ref(alias)
  return sql<number>`(select count(*)::int from trip_travellers tt where tt.trip_id = ${p}.trip_id)`
}
