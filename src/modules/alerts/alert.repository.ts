import { type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import { DEFAULT_WINDOW_MS } from './alert.derive.ts'
import type { AlertStatus } from './alert.schema.ts'
import { checkMove } from './alert-status.ts'
import { alertError } from './alerts.errors.ts'
import type { AlertRecord, AlertsTable } from './alerts.table.ts'
import type { CapReference } from './cap/cap.model.ts'

/** An alert as read: its area as GeoJSON text (null when not asked for). */
export type AlertRow = Omit<AlertRecord, 'area'> & { area_geojson: string | null }

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
  'alerts.countries',
  'unplaced',
  'reach_people',
  'reach_trips',
  'reach_subscribers',
  'reach_sites',
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
  return (await q.executeTakeFirst()) ?? null
}

/** What answering needs to know of an alert, without its CAP or area. */
export async function findAlertBrief(db: Db, id: string) {
  const row = await db
    .selectFrom('alerts')
    .select(['id', 'status', 'safety_check', 'headline', 'effective_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ?? null
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

/** What an alert is stored with; reach, thread and sending are filled in later. */
export type NewAlert = Pick<
  AlertRecord,
  | 'id'
  | 'identifier'
  | 'sender'
  | 'sent'
  | 'cap_status'
  | 'msg_type'
  | 'scope'
  | 'origin'
  | 'cap'
  | 'safety_check'
  | 'event'
  | 'severity'
  | 'headline'
  | 'effective_at'
  | 'expires_at'
  | 'geocode_countries'
  | 'unplaced'
  | 'created_by'
>

/** Stores a new alert, as a draft or (already past its expiry) as expired: the statuses an alert starts in. */
export async function insertAlert(
  trx: Transaction<Database>,
  row: NewAlert & { status: 'draft' | 'expired' },
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

/** Who did what on the way: set together with a status move. */
type StatusChanges = Partial<
  Pick<AlertsTable, 'submitted_by' | 'approved_by' | 'sent_by' | 'message_id' | 'recipients' | 'sent_at'>
>

/**
 * Moves an alert from the status the caller read (under its row lock) to another, if the
 * transition table allows it. The only place an alert's status is written after it is stored.
 */
export async function moveAlert(
  db: Db,
  id: string,
  from: AlertStatus,
  to: AlertStatus,
  changes: StatusChanges = {},
): Promise<void> {
  checkMove(from, to)
  const moved = await db
    .updateTable('alerts')
    .set({ ...changes, status: to })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (Number(moved.numUpdatedRows) !== 1)
    throw alertError('alert.bad_transition', `The alert ${id} is no longer ${from}`, { from, to })
}

/** Marks the sent alerts of a thread cancelled (a Cancel went out); those cancelled already stay so. */
export async function cancelAlerts(db: Db, ids: readonly string[]): Promise<void> {
  if (!ids.length) return
  const rows = await db
    .selectFrom('alerts')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute()
  for (const row of rows) if (row.status !== 'cancelled') await moveAlert(db, row.id, row.status, 'cancelled')
}

/** The alerts whose fan-out has not finished (a crash, a restart). */
export async function alertIdsSending(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('alerts').select('id').where('status', '=', 'sending').execute()
  return rows.map((r) => r.id)
}

export async function setCountriesAndReach(
  db: Db,
  id: string,
  countries: string[],
  reach: { people: number; trips: number; subscribers: number; sites: number } | null,
) {
  await db
    .updateTable('alerts')
    .set({
      countries,
      reach_people: reach?.people ?? null,
      reach_trips: reach?.trips ?? null,
      reach_subscribers: reach?.subscribers ?? null,
      reach_sites: reach?.sites ?? null,
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
    status?: AlertStatus
    country?: string
    before?: string
    limit: number
    countriesIn?: readonly string[]
  },
): Promise<AlertRow[]> {
  let q = selectAlerts(db, false).orderBy('id', 'desc').limit(filter.limit)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.country) q = q.where(sql<boolean>`countries @> array[${filter.country}]::char(2)[]`)
  if (filter.before) q = q.where('id', '<', filter.before)
  if (filter.countriesIn) q = q.where(sql<boolean>`countries && ${[...filter.countriesIn]}::char(2)[]`)
  return q.execute()
}

/** When an alert ends: its `expires`, else the default window after it takes effect (as alertEnd). */
const endsAt = sql<Date>`coalesce(expires_at, effective_at + ${DEFAULT_WINDOW_MS}::float8 * interval '1 millisecond')`

/**
 * Real public alerts that went out, newest first: all of them (sent or cancelled, for the Atom
 * feeds) or only those in force now (not a Cancel, not cancelled, not ended).
 */
export async function listPublicAlertRows(
  db: Db,
  filter: { country?: string; inForceOnly: boolean; limit: number },
) {
  let q = db
    .selectFrom('alerts')
    .select([
      'id',
      'cap',
      'sent_at',
      'sent',
      'severity',
      'expires_at',
      'alerts.countries',
      'status',
      'msg_type',
    ])
    .where('scope', '=', 'Public')
    .where('cap_status', '=', 'Actual')
    .orderBy('sent_at', 'desc')
    .limit(filter.limit)
  q = filter.inForceOnly
    ? q.where('status', '=', 'sent').where('msg_type', '!=', 'Cancel').where(sql<boolean>`${endsAt} > now()`)
    : q.where('status', 'in', ['sent', 'cancelled'])
  if (filter.country) q = q.where(sql<boolean>`countries @> array[${filter.country}]::char(2)[]`)
  return q.execute()
}
