import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../../database.ts'
import { type AccountColumns, accountsSql } from '../identity/index.ts'
import type { PersonPlace } from './lookup.ts'
import { type PresenceWindow, presenceInArea, presenceInMissions, presenceSql } from './presence.ts'
import type { DependantRow, ProfileRow } from './registrations.table.ts'

export interface PeopleFilter {
  readonly window: PresenceWindow
  /** null: every mission (duty officers); otherwise the caller's missions. */
  readonly missions: readonly string[] | null
  readonly country?: string | undefined
  readonly areaGeoJson?: string | undefined
  readonly text?: { like: string; phone?: string; passportDigest?: string; email?: string } | undefined
}

/** A dependant travelling with a person found, as staff see them (the passport masked). */
export type DependantOfPerson = Pick<
  DependantRow,
  'id' | 'relation' | 'name_latin' | 'name_zh' | 'date_of_birth' | 'sex' | 'passport_last4'
>

/** A person found: the account, the profile (the profile's phone first), places and dependants. */
export type PersonRow = Pick<AccountColumns, 'id' | 'name' | 'email'> &
  Pick<ProfileRow, 'name_latin' | 'name_zh' | 'passport_last4'> & {
    phone: string | null
    places: PersonPlace[]
    dependants: DependantOfPerson[]
  }

/** Where a presence row must lie to match: the caller's districts, the country, the area. */
function placeMatches(alias: string, filter: PeopleFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [sql`true`]
  if (filter.missions) conditions.push(presenceInMissions(alias, filter.missions))
  if (filter.country) conditions.push(sql`${sql.ref(alias)}.country = ${filter.country}`)
  if (filter.areaGeoJson) conditions.push(presenceInArea(alias, filter.areaGeoJson))
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`
}

function matching(filter: PeopleFilter): RawBuilder<{ user_id: string }> {
  const t = filter.text
  const textCondition = t
    ? sql`and exists (select 1 from ${accountsSql()} u left join profiles pr on pr.user_id = u.id
        where u.id = p.user_id and (
          lower(pr.name_latin) like ${t.like} or pr.name_zh like ${t.like} or lower(u.name) like ${t.like}
          ${t.phone ? sql`or pr.phone = ${t.phone} or u.phone = ${t.phone}` : sql``}
          ${t.passportDigest ? sql`or pr.passport_digest = ${t.passportDigest}` : sql``}
          ${t.email ? sql`or lower(u.email) = ${t.email}` : sql``}))`
    : sql``
  return sql<{ user_id: string }>`
    select distinct p.user_id from (${presenceSql(filter.window)}) p
    where ${placeMatches('p', filter)} ${textCondition}`
}

/**
 * Accounts found, and the dependants travelling with them on a trip that itself matches
 * (a child on this week's trip to the area counts; one on next month's trip elsewhere does not).
 */
export async function countPeople(
  db: Kysely<Database>,
  filter: PeopleFilter,
): Promise<{ people: number; dependants: number }> {
  const r = await sql<{ people: number; dependants: number }>`
    with m as (${matching(filter)})
    select (select count(*)::int from m) as people,
      (select count(distinct tt.dependant_id)::int
         from (${presenceSql(filter.window)}) p
         join trip_travellers tt on tt.trip_id = p.trip_id
        where p.user_id in (select user_id from m) and ${placeMatches('p', filter)}) as dependants`.execute(
    db,
  )
  return { people: r.rows[0]?.people ?? 0, dependants: r.rows[0]?.dependants ?? 0 }
}

export function findPeople(db: Kysely<Database>, filter: PeopleFilter, limit: number): Promise<PersonRow[]> {
  return selectPeople(db, filter.window, matching(filter), placeMatches('x', filter), limit)
}

/** One person with every dependant on a trip during the window. */
export async function findPerson(db: Kysely<Database>, userId: string, window: PresenceWindow) {
  const rows = await selectPeople(db, window, sql`select ${userId}::uuid as user_id`, sql`true`, 1)
  return rows[0]
}

/**
 * The page is chosen before users are joined: the name to sort by comes from the profile, and from
 * users only for people without a Latin name, so a match set of 100,000 people is not joined with
 * users row by row to keep 100 (the count is `countPeople`'s). `tripMatches` is a condition on the presence row `x` of a trip the
 * dependants must be on.
 */
async function selectPeople(
  db: Kysely<Database>,
  window: PresenceWindow,
  ids: RawBuilder<unknown>,
  tripMatches: RawBuilder<boolean>,
  limit: number,
): Promise<PersonRow[]> {
  const r = await sql<PersonRow>`
    select u.id, u.name, u.email, pr.name_latin, pr.name_zh, coalesce(pr.phone, u.phone) as phone,
      pr.passport_last4,
      coalesce((select json_agg(json_build_object('source', x.source, 'country', x.country,
                 'lat', ST_Y(x.location), 'lon', ST_X(x.location)))
                from (${presenceSql(window)}) x where x.user_id = u.id), '[]'::json) as places,
      coalesce((select json_agg(json_build_object('id', dp.id, 'relation', dp.relation,
                 'name_latin', dp.name_latin, 'name_zh', dp.name_zh, 'date_of_birth', dp.date_of_birth,
                 'sex', dp.sex, 'passport_last4', dp.passport_last4) order by dp.id)
                from dependants dp
               where dp.user_id = u.id and exists (
                 select 1 from (${presenceSql(window)}) x
                   join trip_travellers tt on tt.trip_id = x.trip_id and tt.dependant_id = dp.id
                  where x.user_id = u.id and ${tripMatches})), '[]'::json) as dependants
    from (
      select m.user_id
        from (${ids}) m
        left join profiles p on p.user_id = m.user_id
       order by coalesce(p.name_latin, (select n.name from ${accountsSql()} n where n.id = m.user_id)), m.user_id
       limit ${limit}) page
    join ${accountsSql()} u on u.id = page.user_id
    left join profiles pr on pr.user_id = u.id
    order by coalesce(pr.name_latin, u.name), u.id`.execute(db)
  return r.rows
}

export async function personInScope(
  db: Kysely<Database>,
  userId: string,
  window: PresenceWindow,
  missions: readonly string[] | null,
): Promise<boolean> {
  const scope = missions ? presenceInMissions('p', missions) : sql`true`
  const r = await sql<{ ok: boolean }>`
    select exists (select 1 from (${presenceSql(window)}) p where p.user_id = ${userId} and ${scope}) as ok`.execute(
    db,
  )
  return r.rows[0]?.ok ?? false
}
