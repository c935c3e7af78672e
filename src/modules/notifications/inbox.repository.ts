import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { accountsSql } from '../identity/index.ts'
import type { NotificationPreferencesRow } from './notifications.table.ts'

/** The person's inbox, newest first, with their language to show each message in. */
export function listInboxRows(db: Db, userId: string, limit: number, before?: string) {
  let q = db
    .selectFrom('deliveries as d')
    .innerJoin('messages as m', 'm.id', 'd.message_id')
    .innerJoin(accountsSql().as('u'), 'u.id', 'd.user_id')
    .select([
      'd.id',
      'm.id as message_id',
      'm.kind',
      'm.about_type',
      'm.about_id',
      'm.title_zh',
      'm.title_en',
      'm.body_zh',
      'm.body_en',
      'm.link',
      'm.emergency',
      'm.actions',
      'd.created_at',
      'd.read_at',
      'u.locale',
    ])
    .where('d.user_id', '=', userId)
    .where('d.channel', '=', 'inbox')
  if (before) q = q.where('d.id', '<', before)
  return q.orderBy('d.id', 'desc').limit(limit).execute()
}

/** Marks one of the person's inbox messages read (the first reading counts); false when there is no such message. */
export async function markInboxRead(db: Db, userId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('deliveries')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('channel', '=', 'inbox')
    .executeTakeFirst()
  return res.numUpdatedRows > 0n
}

export type ChannelChoice = Pick<NotificationPreferencesRow, 'email' | 'push' | 'sms'>

export function findPreferences(db: Db, userId: string): Promise<ChannelChoice | undefined> {
  return db
    .selectFrom('notification_preferences')
    .select(['email', 'push', 'sms'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

export async function upsertPreferences(db: Db, userId: string, choice: ChannelChoice): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...choice })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...choice, updated_at: sql`now()` }))
    .execute()
}

export function listCapturedMailRows(db: Db, limit: number) {
  return db
    .selectFrom('captured_mail')
    .selectAll()
    .orderBy('captured_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
