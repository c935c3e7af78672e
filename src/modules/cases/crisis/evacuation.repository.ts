import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../../database.ts'
import type { PersonStatus } from './crisis.schema.ts'
import type { AssemblyPointRow, LegRow } from './crisis.table.ts'

/** An assembly point with the people checked in there. */
export type AssemblyPointWithCount = Omit<AssemblyPointRow, 'crisis_id' | 'created_at'> & {
  checked_in: number
}
/** A leg with the people boarded on it. */
export type LegWithCount = Omit<LegRow, 'crisis_id' | 'created_at'> & { boarded: number }

export async function insertAssemblyPoint(
  db: Db,
  p: { id: string; crisisId: string; name: string; lat: number; lon: number; opensAt: Date | null },
): Promise<void> {
  await db
    .insertInto('crisis_assembly_points')
    .values({
      id: p.id,
      crisis_id: p.crisisId,
      name: p.name,
      location: sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`,
      opens_at: p.opensAt,
    })
    .execute()
}

export async function listAssemblyPoints(db: Db, crisisId: string): Promise<AssemblyPointWithCount[]> {
  const r = await sql<AssemblyPointWithCount>`
    select a.id, a.name, ST_Y(a.location) as lat, ST_X(a.location) as lon, a.opens_at,
           (select count(*)::int from crisis_people cp
             where cp.crisis_id = a.crisis_id and cp.assembly_point_id = a.id and cp.status = 'checked_in') as checked_in
      from crisis_assembly_points a where a.crisis_id = ${crisisId} order by a.id`.execute(db)
  return r.rows
}

export async function assemblyPointExists(db: Db, crisisId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('crisis_assembly_points')
    .select('id')
    .where('crisis_id', '=', crisisId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertLeg(db: Db, l: Omit<LegRow, 'created_at'>): Promise<void> {
  await db.insertInto('crisis_legs').values(l).execute()
}

const legColumns = sql`l.id, l.name, l.mode, l.from_point_id, l.destination, l.departs_at, l.capacity,
  (select count(*)::int from crisis_people cp where cp.leg_id = l.id and cp.status = 'boarded') as boarded`

export async function listLegs(db: Db, crisisId: string): Promise<LegWithCount[]> {
  const r = await sql<LegWithCount>`select ${legColumns} from crisis_legs l
    where l.crisis_id = ${crisisId} order by l.departs_at, l.id`.execute(db)
  return r.rows
}

/**
 * The leg with its boarded count, its row locked until the transaction ends: boardings of
 * one leg queue behind each other, so two cannot both take its last seat.
 */
export async function lockLeg(db: Db, crisisId: string, id: string): Promise<LegWithCount | undefined> {
  await sql`select id from crisis_legs where id = ${id} and crisis_id = ${crisisId} for update`.execute(db)
  const r = await sql<LegWithCount>`select ${legColumns} from crisis_legs l
    where l.id = ${id} and l.crisis_id = ${crisisId}`.execute(db)
  return r.rows[0]
}

export async function findPersonStatus(db: Db, crisisId: string, personId: string) {
  return db
    .selectFrom('crisis_people')
    .select(['status', 'assembly_point_id', 'leg_id'])
    .where('crisis_id', '=', crisisId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

export interface StatusChange {
  crisisId: string
  personId: string
  status: PersonStatus
  assemblyPointId: string | null
  legId: string | null
  note: string | null
  byPerson: boolean
  actorId: string
  at: Date
}

/** The person's current status, and the change kept in the history. */
export async function writeStatus(db: Db, c: StatusChange): Promise<void> {
  const current = {
    status: c.status,
    assembly_point_id: c.assemblyPointId,
    leg_id: c.legId,
    note: c.note,
    updated_at: c.at,
    updated_by: c.actorId,
  }
  await db
    .insertInto('crisis_people')
    .values({ crisis_id: c.crisisId, person_id: c.personId, ...current })
    .onConflict((oc) => oc.columns(['crisis_id', 'person_id']).doUpdateSet(current))
    .execute()
  await db
    .insertInto('crisis_person_events')
    .values({
      id: uuidv7(),
      crisis_id: c.crisisId,
      person_id: c.personId,
      status: c.status,
      assembly_point_id: c.assemblyPointId,
      leg_id: c.legId,
      note: c.note,
      by_person: c.byPerson,
      actor_id: c.actorId,
      at: c.at,
    })
    .execute()
}

export async function statusHistory(db: Db, crisisId: string, personId: string) {
  return db
    .selectFrom('crisis_person_events')
    .select(['status', 'assembly_point_id', 'leg_id', 'note', 'by_person', 'actor_id', 'at'])
    .where('crisis_id', '=', crisisId)
    .where('person_id', '=', personId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}
