import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { AnswerVia, SafetyAnswer } from './alert.schema.ts'
import type { RecipientsQuery } from './alert-recipient.schema.ts'
import type { AlertAnswerRow, AlertRecipientRow } from './alerts.table.ts'

/** The people an alert reached, for another statement (the fan-out's notify). */
export function recipientIdsSql(alertId: string): RawBuilder<{ user_id: string }> {
  return sql<{ user_id: string }>`select r.user_id from alert_recipients r where r.alert_id = ${alertId}`
}

/** One answer as it is written to the history (and, unless a `need_help` stands, as the current one). */
export interface AnswerWrite {
  readonly id: string
  readonly alertId: string
  readonly userId: string
  readonly answer: SafetyAnswer
  readonly via: AnswerVia
  readonly at: Date
  readonly recordedBy: string | null
}

/**
 * The common case, thousands a minute after a big alert, in one statement: a recipient of a sent
 * alert that asks, whose current answer is not `need_help`, gets the answer set and logged.
 * Null when anything else holds, for the caller to look closer.
 */
export async function recordPlainAnswer(
  db: Db,
  w: AnswerWrite,
): Promise<{ contact_id: string | null } | null> {
  const { rows } = await sql<{ contact_id: string | null }>`
    with changed as (
      update alert_recipients r set answer = ${w.answer}, answered_at = ${w.at}, answered_via = ${w.via}
        from alerts a
       where r.alert_id = ${w.alertId} and r.user_id = ${w.userId} and a.id = r.alert_id
         and a.safety_check and a.status = 'sent' and r.answer is distinct from 'need_help'
      returning r.alert_id, r.user_id, r.contact_id),
    logged as (
      insert into alert_answers (id, alert_id, user_id, answer, via, answered_at, recorded_by)
      select ${w.id}, c.alert_id, c.user_id, ${w.answer}, ${w.via}, ${w.at}, ${w.recordedBy} from changed c)
    select contact_id from changed`.execute(db)
  return rows[0] ?? null
}

/** The recipient's row, locked until the transaction ends (answers for one person queue). */
export async function lockRecipient(
  db: Db,
  alertId: string,
  userId: string,
): Promise<Pick<AlertRecipientRow, 'answer' | 'answered_at' | 'contact_id'> | null> {
  const row = await db
    .selectFrom('alert_recipients')
    .select(['answer', 'answered_at', 'contact_id'])
    .where('alert_id', '=', alertId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
  return row ?? null
}

export async function appendAnswer(db: Db, w: AnswerWrite): Promise<void> {
  await db
    .insertInto('alert_answers')
    .values({
      id: w.id,
      alert_id: w.alertId,
      user_id: w.userId,
      answer: w.answer,
      via: w.via,
      answered_at: w.at,
      recorded_by: w.recordedBy,
    })
    .execute()
}

export async function setCurrentAnswer(
  db: Db,
  w: Pick<AnswerWrite, 'alertId' | 'userId' | 'answer' | 'via' | 'at'> & { contactId: string | null },
): Promise<void> {
  await db
    .updateTable('alert_recipients')
    .set({ answer: w.answer, answered_at: w.at, answered_via: w.via, contact_id: w.contactId })
    .where('alert_id', '=', w.alertId)
    .where('user_id', '=', w.userId)
    .execute()
}

/** Each person's answers in the order given, for the people of one page of the staff list. */
export async function answerHistories(
  db: Db,
  alertId: string,
  userIds: readonly string[],
): Promise<Pick<AlertAnswerRow, 'user_id' | 'answer' | 'via' | 'answered_at'>[]> {
  if (!userIds.length) return []
  return db
    .selectFrom('alert_answers')
    .select(['user_id', 'answer', 'via', 'answered_at'])
    .where('alert_id', '=', alertId)
    .where('user_id', 'in', [...userIds])
    .orderBy('user_id')
    .orderBy('answered_at')
    .orderBy('id')
    .execute()
}

export async function answerCounts(db: Db, alertId: string) {
  const { rows } = await sql<{ recipients: number; safe: number; need_help: number; not_in_area: number }>`
    select count(*)::int as recipients,
           count(*) filter (where answer = 'safe')::int as safe,
           count(*) filter (where answer = 'need_help')::int as need_help,
           count(*) filter (where answer = 'not_in_area')::int as not_in_area
      from alert_recipients where alert_id = ${alertId}`.execute(db)
  return rows[0] ?? { recipients: 0, safe: 0, need_help: 0, not_in_area: 0 }
}

/** One page of an alert's recipients by user id, optionally by answer (`unanswered`: none yet). */
export async function recipientPage(db: Db, alertId: string, query: RecipientsQuery) {
  let q = db
    .selectFrom('alert_recipients')
    .select(['user_id', 'placed', 'answer', 'answered_at', 'contact_id'])
    .where('alert_id', '=', alertId)
    .orderBy('user_id')
    .limit(query.limit + 1)
  if (query.answer === 'unanswered') q = q.where('answer', 'is', null)
  else if (query.answer) q = q.where('answer', '=', query.answer)
  if (query.after) q = q.where('user_id', '>', query.after)
  return q.execute()
}

/** My row as a recipient of the alert, if it reached me. */
export async function findMyRecipientRow(db: Db, alertId: string, userId: string) {
  const row = await db
    .selectFrom('alert_recipients')
    .select(['answer', 'answered_at', 'placed'])
    .where('alert_id', '=', alertId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row ?? null
}

/** The alerts that reached me, newest first, with my answer (no areas: a list). */
export async function myAlertRows(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .select([
      'a.id',
      'a.msg_type',
      'a.status',
      'a.cap',
      'a.severity',
      'a.sent_at',
      'a.sent',
      'a.expires_at',
      'a.safety_check',
      'a.countries',
      'r.answer',
      'r.answered_at',
      'r.placed',
    ])
    .select((eb) => eb.val<string | null>(null).as('area_geojson'))
    .where('r.user_id', '=', userId)
    .orderBy('r.alert_id', 'desc')
    .limit(limit)
    .execute()
}

export interface AnswerCell {
  lon: number
  lat: number
  total: number
  safe: number
  needHelp: number
  notInArea: number
  unanswered: number
}

/** Recipients with a known point, one per person, counted by answer on a grid of about 5 km. */
export async function answerGrid(
  db: Db,
  alertId: string,
  placed: RawBuilder<{ user_id: string; location: unknown }>,
): Promise<AnswerCell[]> {
  const { rows } = await sql<AnswerCell>`
    with pts as (
      select distinct on (pp.user_id) pp.user_id, ST_SnapToGrid(pp.location, 0.05) as g
        from (${placed}) pp
       where pp.location is not null
       order by pp.user_id)
    select ST_X(g) as lon, ST_Y(g) as lat, count(*)::int as total,
           count(*) filter (where r.answer = 'safe')::int as "safe",
           count(*) filter (where r.answer = 'need_help')::int as "needHelp",
           count(*) filter (where r.answer = 'not_in_area')::int as "notInArea",
           count(*) filter (where r.answer is null)::int as unanswered
      from pts join alert_recipients r on r.alert_id = ${alertId} and r.user_id = pts.user_id
     group by g limit 5000`.execute(db)
  return rows
}
