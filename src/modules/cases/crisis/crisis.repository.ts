import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { drawnAreaSql, placedAreaSql } from '../../../platform/geo/antimeridian.ts'
import type { CrisisScope } from '../access.ts'
import type { CrisisStatus } from './crisis.schema.ts'
import type { CrisisRow } from './crisis.table.ts'

export interface NewCrisis {
  id: string
  name: string
  country: string
  areaGeoJson: string
  startsAt: Date
  createdBy: string
  createdAt: Date
}

/** Whether PostGIS takes the polygon as valid (no self-intersection, rings that close). */
export async function isValidArea(db: Db, geojson: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select ST_IsValid(${drawnAreaSql(geojson)}) as ok`.execute(db)
  return r.rows[0]?.ok ?? false
}

export async function insertCrisis(db: Db, c: NewCrisis): Promise<void> {
  await db
    .insertInto('crises')
    .values({
      id: c.id,
      name: c.name,
      country: c.country,
      area: sql`ST_SetSRID(ST_GeomFromGeoJSON(${c.areaGeoJson}), 4326)`,
      placed_area: placedAreaSql(c.areaGeoJson),
      starts_at: c.startsAt,
      created_by: c.createdBy,
      created_at: c.createdAt,
    })
    .execute()
}

const inScope = (scope: CrisisScope) =>
  scope.all ? sql<boolean>`true` : sql<boolean>`c.country = any(${[...scope.countries]}::text[])`

const columns = sql`c.id, c.name, c.country, ST_AsGeoJSON(c.area) as area, c.starts_at, c.status, c.created_by,
  c.created_at, c.closed_at, c.closed_by`

/** The crisis if the scope covers it; `forUpdate` holds it while a change is written. */
export async function findCrisisRow(
  db: Db,
  id: string,
  scope: CrisisScope,
  forUpdate = false,
): Promise<CrisisRow | undefined> {
  const lock = forUpdate ? sql`for update` : sql``
  const r = await sql<CrisisRow>`select ${columns} from crises c
    where c.id = ${id} and ${inScope(scope)} ${lock}`.execute(db)
  return r.rows[0]
}

export async function listCrisisRows(
  db: Db,
  scope: CrisisScope,
  status: CrisisStatus | undefined,
): Promise<CrisisRow[]> {
  const byStatus = status ? sql`and c.status = ${status}` : sql``
  const r = await sql<CrisisRow>`select ${columns} from crises c
    where ${inScope(scope)} ${byStatus} order by c.id desc limit 500`.execute(db)
  return r.rows
}

export async function closeCrisisRow(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db
    .updateTable('crises')
    .set({ status: 'closed', closed_at: at, closed_by: by })
    .where('id', '=', id)
    .execute()
}

/** Active crises started by `at` whose area holds one of the person's registered places then. */
export async function activeCrisesOfPresence(
  db: Db,
  presence: RawBuilder<unknown>,
  at: Date,
): Promise<CrisisRow[]> {
  const r = await sql<CrisisRow>`select ${columns} from crises c
    where c.status = 'active' and c.starts_at <= ${at}
      and exists (select 1 from (${presence}) p where p.location is not null and ST_Intersects(p.location, c.placed_area))
    order by c.id desc`.execute(db)
  return r.rows
}

export async function linkCaseRow(db: Db, crisisId: string, caseId: string, by: string): Promise<boolean> {
  const r = await db
    .insertInto('crisis_cases')
    .values({ crisis_id: crisisId, case_id: caseId, linked_by: by })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function linkContactRow(db: Db, crisisId: string, contactId: string, by: string | null) {
  const r = await db
    .insertInto('crisis_contacts')
    .values({ crisis_id: crisisId, contact_id: contactId, linked_by: by })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function linkedCounts(db: Db, crisisId: string) {
  const cases = await sql<{ status: string; n: number }>`
    select c.status, count(*)::int as n from crisis_cases cc join cases c on c.id = cc.case_id
     where cc.crisis_id = ${crisisId} group by c.status order by c.status`.execute(db)
  const contacts = await sql<{ n: number }>`
    select count(*)::int as n from crisis_contacts where crisis_id = ${crisisId}`.execute(db)
  return { cases: cases.rows, contacts: contacts.rows[0]?.n ?? 0 }
}

export async function linkAlertRow(db: Db, crisisId: string, alertId: string, by: string): Promise<boolean> {
  const r = await db
    .insertInto('crisis_alerts')
    .values({ crisis_id: crisisId, alert_id: alertId, linked_by: by })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

/** The alerts linked to the crisis, as a query another module composes (the alerts' answers). */
export function crisisAlertIdsSql(crisisId: string): RawBuilder<{ alert_id: string }> {
  return sql<{ alert_id: string }>`select ca.alert_id from crisis_alerts ca where ca.crisis_id = ${crisisId}`
}

export async function linkedAlertIds(db: Db, crisisId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('crisis_alerts')
    .select('alert_id')
    .where('crisis_id', '=', crisisId)
    .orderBy('linked_at')
    .orderBy('alert_id')
    .execute()
  return rows.map((r) => r.alert_id)
}
