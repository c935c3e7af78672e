import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { countriesTouchingSql } from '../../reference/index.ts'
import { dependantsWithPresence, type PresenceRow, placedInAreaSql } from '../../registrations/index.ts'
import type { PersonStatus } from './crisis.schema.ts'
import type { CrisisPersonRow } from './crisis.table.ts'

/** A person on the manifest: where the registry places them now, and their status in the crisis. */
export type ManifestEntry = Pick<
  CrisisPersonRow,
  'person_id' | 'status' | 'assembly_point_id' | 'leg_id' | 'note'
> & {
  in_area: boolean
  source: PresenceRow['source'] | null
  lat: number | null
  lon: number | null
  dependants: number
  updated_at: Date | null
}

/**
 * Whom the crisis's area places at `at`, by the rule alerts use (registrations' placement): a point
 * inside it, or no point but a country it touches.
 */
function placedByCrisis(crisisId: string, at: Date) {
  const area = sql`(select c.placed_area from crises c where c.id = ${crisisId})`
  return placedInAreaSql(
    { area, hasArea: true, countries: sql<string[]>`array(${countriesTouchingSql(area)})::text[]` },
    { from: at, to: at },
  )
}

/**
 * The manifest as one statement: everyone the area places now (the best place of each: a fresh
 * point, then a trip, then the residence, then a trip or residence known by its country only),
 * joined to the crisis's status rows, which also keep people who had a status and have since
 * moved out of the area.
 */
function manifestSql(crisisId: string, at: Date): RawBuilder<ManifestEntry & { trip_id: string | null }> {
  return sql`
    with here as (
      select distinct on (p.user_id) p.user_id, p.source, p.location, p.trip_id
        from (${placedByCrisis(crisisId, at)}) p
       order by p.user_id, p.location is null,
                case p.source when 'location' then 0 when 'trip' then 1 else 2 end
    )
    select coalesce(h.user_id, cp.person_id) as person_id, h.user_id is not null as in_area,
           h.source, ST_Y(h.location) as lat, ST_X(h.location) as lon, h.trip_id,
           coalesce(cp.status, 'unaccounted') as status, cp.assembly_point_id, cp.leg_id, cp.note,
           cp.updated_at
      from here h
      full join (select * from crisis_people where crisis_id = ${crisisId}) cp on cp.person_id = h.user_id`
}

export interface ManifestPageQuery {
  status?: PersonStatus | undefined
  after?: string | undefined
  limit: number
}

/** A page of the manifest ordered by person id (the cursor is the last id). */
export async function manifestPage(db: Db, crisisId: string, at: Date, q: ManifestPageQuery) {
  const status = q.status ? sql`and m.status = ${q.status}` : sql``
  const after = q.after ? sql`and m.person_id > ${q.after}::uuid` : sql``
  const r = await sql<ManifestEntry>`
    select m.person_id, m.in_area, m.source, m.lat, m.lon, ${dependantsWithPresence('m')} as dependants,
           m.status, m.assembly_point_id, m.leg_id, m.note, m.updated_at
      from (${manifestSql(crisisId, at)}) m
     where true ${status} ${after}
     order by m.person_id limit ${q.limit}`.execute(db)
  return r.rows
}

export interface ManifestCount {
  status: PersonStatus
  n: number
  in_area: number
}

export async function manifestCounts(db: Db, crisisId: string, at: Date): Promise<ManifestCount[]> {
  const r = await sql<ManifestCount>`
    select m.status, count(*)::int as n, (count(*) filter (where m.in_area))::int as in_area
      from (${manifestSql(crisisId, at)}) m group by m.status order by m.status`.execute(db)
  return r.rows
}

/** Whether the registry places the person in the crisis area now (as the manifest does). */
export async function personInArea(db: Db, crisisId: string, personId: string, at: Date): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select exists (select 1 from (${placedByCrisis(crisisId, at)}) p where p.user_id = ${personId}) as ok`.execute(
    db,
  )
  return r.rows[0]?.ok ?? false
}
