import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { NewSessionRow } from './identity.table.ts'
import type { Role } from './role.schema.ts'
import { accessColumns } from './user.repository.ts'

export interface SessionPrincipalRow {
  session_id: string
  user_id: string
  mfa_pending: boolean
  last_seen_at: Date
  roles: Role[]
  mission_codes: string[]
}

export async function insertSession(
  db: Db,
  row: Pick<NewSessionRow, 'id' | 'user_id' | 'expires_at' | 'mfa_pending' | 'ip' | 'user_agent'>,
): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
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
    .select(['s.id as session_id', 's.user_id', 's.mfa_pending', 's.last_seen_at', ...accessColumns])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - ${`${idleMs} milliseconds`}::interval`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute()
}

/** Counts one TOTP try on a session still waiting for its second step; undefined when there is none. */
export async function claimMfaAttempt(db: Db, id: string): Promise<number | undefined> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_attempts: eb('mfa_attempts', '+', 1) }))
    .where('id', '=', id)
    .where('mfa_pending', '=', true)
    .returning('mfa_attempts')
    .executeTakeFirst()
  return row?.mfa_attempts
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

/** Sessions past their lifetime or idle for longer than `idleMs`: no request can use them again. */
export async function deleteExpiredSessions(db: Db, idleMs: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - ${`${idleMs} milliseconds`}::interval`),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Ends every session of the account but one; how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '<>', keepId)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** The account's live sessions, most recently used first. */
export function listUserSessions(db: Db, userId: string, idleMs: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - ${`${idleMs} milliseconds`}::interval`)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute()
}

export async function deleteUserSession(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
  return r.numDeletedRows > 0n
}
