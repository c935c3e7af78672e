import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import type { AlertsTable } from './alerts.table.ts'
import type { CapReference } from './cap/cap.model.ts'

export type AlertRow = Omit<Selectable<AlertsTable>, 'area'> & { area_geojson: string | null }

const COLUMNS = [
  'id',
  'identifier',
  'sender',
  'sent',
  'cap_status',
  'msg_type',
  'scope',
  'status',
  'origin',
  'cap',
  'safety_check',
  'event',
  'severity',
  'headline',
  'effective_at',
  'expires_at',
  'geocode_countries',
  'countries',
  'unplaced',
  'reach_people',
  'reach_trips',
  'reach_subscribers',
  'reach_counted_at',
  'original_id',
  'message_id',
  'recipients',
  'created_by',
  'created_at',
  'submitted_by',
  'approved_by',
  'sent_by',
  'sent_at',
] as const

function selectAlerts(db: Db, withArea: boolean) {
  return db
    .selectFrom('alerts')
    .select(COLUMNS)
    .select(
      withArea
        ? sql<string | null>`ST_AsGeoJSON(area, 6)`.as('area_geojson')
        : sql<null>`null`.as('area_geojson'),
    )
}

export async function findAlertRow(
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AlertRow | null> {
  let q = selectAlerts(db, true).where('id', '=', id)
  if (options.lock) q = q.forUpdate()
  return ((await q.executeTakeFirst()) as AlertRow | undefined) ?? null
}

export async function findByTriplet(
  db: Db,
  sender: string,
  identifier: string,
  sent: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('alerts')
    .select('id')
    .where('sender', '=', sender)
    .where('identifier', '=', identifier)
    .where('sent', '=', sent)
    .executeTakeFirst()
  return row?.id ?? null
}

export type NewAlert = Omit<
  Selectable<AlertsTable>,
  | 'area'
  | 'created_at'
  | 'countries'
  | 'reach_people'
  | 'reach_trips'
  | 'reach_subscribers'
  | 'reach_counted_at'
  | 'original_id'
  | 'message_id'
  | 'recipients'
  | 'submitted_by'
  | 'approved_by'
  | 'sent_by'
  | 'sent_at'
  | 'cap'
  | 'unplaced'
> & { cap: unknown; unplaced: string[] }

export async function insertAlert(
  trx: Transaction<Database>,
  row: NewAlert,
  area: RawBuilder<unknown> | null,
) {
  await trx
    .insertInto('alerts')
    .values({
      ...row,
      cap: JSON.stringify(row.cap),
      unplaced: JSON.stringify(row.unplaced),
      area: area ?? null,
      countries: [],
    })
    .execute()
}

export async function setCountriesAndReach(
  db: Db,
  id: string,
  countries: string[],
  reach: { people: number; trips: number; subscribers: number } | null,
) {
  await db
    .updateTable('alerts')
    .set({
      countries,
      reach_people: reach?.people ?? null,
      reach_trips: reach?.trips ?? null,
      reach_subscribers: reach?.subscribers ?? null,
      reach_counted_at: reach ? new Date() : null,
    })
    .where('id', '=', id)
    .execute()
}

export async function insertReferences(
  trx: Transaction<Database>,
  alertId: string,
  refs: readonly CapReference[],
) {
  if (!refs.length) return
  await trx
    .insertInto('alert_references')
    .values(
      refs.map((r) => ({
        alert_id: alertId,
        sender: r.sender,
        identifier: r.identifier,
        sent: new Date(r.sent),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * Threads an Update or Cancel to the first alert it refers to, and adopts the messages that
 * arrived before this one and refer to it (stored unlinked until now).
 */
export async function linkThread(trx: Transaction<Database>, alertId: string): Promise<void> {
  await sql`
    update alerts a set original_id = (
      select coalesce(o.original_id, o.id) from alert_references r
        join alerts o on o.sender = r.sender and o.identifier = r.identifier and o.sent = r.sent
       where r.alert_id = a.id order by o.sent limit 1)
     where a.id = ${alertId}`.execute(trx)
  await sql`
    update alerts a set original_id = coalesce(me.original_id, me.id)
      from alerts me, alert_references r
     where me.id = ${alertId}
       and r.sender = me.sender and r.identifier = me.identifier and r.sent = me.sent
       and a.id = r.alert_id and a.original_id is null and a.id <> me.id`.execute(trx)
}

export async function referencesOf(db: Db, alertId: string) {
  return db
    .selectFrom('alert_references')
    .select(['sender', 'identifier', 'sent'])
    .where('alert_id', '=', alertId)
    .orderBy('sent')
    .execute()
}

/** Every alert of the thread the alert belongs to (the original and its Updates and Cancels). */
export async function threadOf(db: Db, row: Pick<AlertRow, 'id' | 'original_id'>) {
  const root = row.original_id ?? row.id
  return db
    .selectFrom('alerts')
    .select(['id', 'msg_type', 'status', 'sent', 'headline'])
    .where((eb) => eb.or([eb('id', '=', root), eb('original_id', '=', root)]))
    .orderBy('sent')
    .orderBy('id')
    .execute()
}

export async function listAlertRows(
  db: Db,
  filter: {
    status?: string
    country?: string
    before?: string
    limit: number
    countriesIn?: readonly string[]
  },
): Promise<AlertRow[]> {
  let q = selectAlerts(db, false).orderBy('id', 'desc').limit(filter.limit)
  if (filter.status) q = q.where('status', '=', filter.status as AlertsTable['status'])
  if (filter.country) q = q.where(sql<boolean>`countries @> array[${filter.country}]::char(2)[]`)
  if (filter.before) q = q.where('id', '<', filter.before)
  if (filter.countriesIn) q = q.where(sql<boolean>`countries && ${[...filter.countriesIn]}::char(2)[]`)
  return (await q.execute()) as AlertRow[]
}
