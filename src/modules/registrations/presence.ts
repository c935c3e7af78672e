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
