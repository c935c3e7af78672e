import { type Expression, type RawBuilder, sql } from 'kysely'

/**
 * Whether a place lies in the consular district of one of the missions (a member of staff's
 * scope), as a condition to compose into a caller's statement: its country is one the district
 * covers whole, or its point (`location`, null when unknown) lies in a drawn district area.
 */
export function inMissionDistrictsSql(
  missions: readonly string[],
  country: Expression<unknown>,
  location: Expression<unknown>,
): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from missions m
     where m.code = any(${[...missions]}::text[])
       and (${country} = any(m.district_countries)
            or (${location} is not null and m.district_area is not null and ST_Intersects(m.district_area, ${location}))))`
}
