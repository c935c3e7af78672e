import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import { type AccountColumns, accountsSql } from '../identity/index.ts'
import { presenceInMissions, presenceSql } from './presence.ts'
import type { ProfileRow } from './registrations.table.ts'

export interface PersonPlace {
  source: 'location' | 'trip' | 'residence'
  country: string
  lat: number | null
  lon: number | null
}

/** A registered person as the hotline sees them: names, phone and where they are now. */
export interface PersonSummary {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  phone: string | null
  /** Every place the person is today: a fresh "I am here now", trips under way, residence. */
  places: PersonPlace[]
  /** The best of `places`: a fresh point first, then a trip, then the residence; points before countries. */
  whereNow: PersonPlace | null
}

/** Names and the phone to call, from the account and the profile (the profile's phone first). */
type CardRow = Pick<AccountColumns, 'id' | 'name'> &
  Pick<ProfileRow, 'name_latin' | 'name_zh'> & { phone: string | null }

type SummaryRow = CardRow & { places: PersonPlace[] }

const RANK: Record<PersonPlace['source'], number> = { location: 0, trip: 1, residence: 2 }

function bestPlace(places: readonly PersonPlace[]): PersonPlace | null {
  const sorted = [...places].sort(
    (a, b) => Number(a.lat === null) - Number(b.lat === null) || RANK[a.source] - RANK[b.source],
  )
  return sorted[0] ?? null
}

function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    nameZh: row.name_zh,
    phone: row.phone,
    places: row.places,
    whereNow: bestPlace(row.places),
  }
}

function today() {
  const now = new Date()
  return { from: now, to: now }
}

/**
 * Summaries of the given people. The presence sub-query is filtered by user id, which
 * PostgreSQL pushes into each branch of its UNION ALL (primary keys and user indexes).
 */
function summariesSql(ids: RawBuilder<unknown>) {
  return sql<SummaryRow>`
    select u.id, u.name, pr.name_latin, pr.name_zh, coalesce(pr.phone, u.phone) as phone,
      coalesce((select json_agg(json_build_object('source', x.source, 'country', x.country,
                 'lat', ST_Y(x.location), 'lon', ST_X(x.location)) order by x.source)
                from (${presenceSql(today())}) x where x.user_id = u.id), '[]'::json) as places
    from ${accountsSql()} u
    left join profiles pr on pr.user_id = u.id
    where u.id in (${ids})
    order by u.id`
}

/**
 * Summaries of the given people. The presence sub-query is filtered by user id, which
 * PostgreSQL pushes into each branch of its UNION ALL (primary keys and user indexes).
 */
export async function personSummaries(db: Db, ids: readonly string[]): Promise<PersonSummary[]> {
  if (ids.length === 0) return []
  const r = await summariesSql(sql`select unnest(${[...ids]}::uuid[])`).execute(db)
  return r.rows.map(toSummary)
}

/**
 * The registered person with this E.164 phone, in one statement: the login phone (unique,
 * `users_phone_key`) before a profile phone (`profiles_phone_idx`; several people may give the
 * same one, the most recently updated wins).
 */
export async function findPersonByPhone(db: Db, phone: string): Promise<PersonSummary | null> {
  const r = await summariesSql(sql`
    select id from (
      select u.id, 0 as rank, u.updated_at from ${accountsSql()} u where u.phone = ${phone}
      union all
      select p.user_id, 1 as rank, p.updated_at from profiles p where p.phone = ${phone}
    ) m order by rank, updated_at desc limit 1`).execute(db)
  const row = r.rows[0]
  return row ? toSummary(row) : null
}

/** Whether the person is (or will be, within a year) in the districts of these missions. */
export async function personInMissions(
  db: Db,
  userId: string,
  missions: readonly string[],
): Promise<boolean> {
  if (missions.length === 0) return false
  const window = { from: new Date(), to: new Date(Date.now() + 366 * 86_400_000) }
  const r = await sql<{ ok: boolean }>`
    select exists (select 1 from (${presenceSql(window)}) p
      where p.user_id = ${userId} and ${presenceInMissions('p', missions)}) as ok`.execute(db)
  return r.rows[0]?.ok ?? false
}

/** Names and phone of a person, without their places: for long lists that place people themselves. */
export interface PersonCard {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  phone: string | null
}

export async function personCards(db: Db, ids: readonly string[]): Promise<Map<string, PersonCard>> {
  if (ids.length === 0) return new Map()
  const r = await sql<CardRow>`
    select u.id, u.name, pr.name_latin, pr.name_zh, coalesce(pr.phone, u.phone) as phone
      from ${accountsSql()} u left join profiles pr on pr.user_id = u.id
     where u.id = any(${[...ids]}::uuid[])`.execute(db)
  return new Map(
    r.rows.map((x) => [
      x.id,
      { id: x.id, name: x.name, nameLatin: x.name_latin, nameZh: x.name_zh, phone: x.phone },
    ]),
  )
}
