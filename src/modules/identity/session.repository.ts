import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'

export interface SessionPrincipalRow {
  session_id: string
  user_id: string
  mfa_pending: boolean
  last_seen_at: Date
  roles: string[]
  missions: string[]
}

export async function insertSession(
  db: Db,
  row: {
    id: string
    userId: string
    expiresAt: Date
    mfaPending: boolean
    ip: string | null
    userAgent: string | null
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      expires_at: row.expiresAt,
      mfa_pending: row.mfaPending,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute()
}

/** The live session with its account's roles and missions, in one round trip. */
export function findLiveSession(
  db: Db,
  id: string,
  idleMs: number,
): Promise<SessionPrincipalRow | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.user_id',
      's.mfa_pending',
      's.last_seen_at',
      sql<
        string[]
      >`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as(
        'roles',
      ),
      sql<
        string[]
      >`coalesce((select array_agg(m.mission_code order by m.mission_code) from user_missions m where m.user_id = u.id), '{}')`.as(
        'missions',
      ),
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - ${`${idleMs} milliseconds`}::interval`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute()
}

export async function completeSessionMfa(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_pending: false }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst()
  return Number(result.numDeletedRows)
}
