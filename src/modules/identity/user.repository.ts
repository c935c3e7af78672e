import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { NewUserRow, UserRow, UserUpdate } from './identity.table.ts'
import type { Role } from './role.schema.ts'

export interface UserWithAccess extends UserRow {
  roles: Role[]
  mission_codes: string[]
}

/** The roles and missions of the user aliased `u`, sorted: what a session and the staff lists carry. */
export const accessColumns = [
  sql<
    Role[]
  >`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as(
    'roles',
  ),
  sql<
    string[]
  >`coalesce((select array_agg(m.mission_code order by m.mission_code) from user_missions m where m.user_id = u.id), '{}')`.as(
    'mission_codes',
  ),
] as const

function withAccess(db: Db) {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .select([...accessColumns])
}

export function findUserById(db: Db, id: string): Promise<UserWithAccess | undefined> {
  return withAccess(db).where('u.id', '=', id).executeTakeFirst()
}

export function findUserByEmail(db: Db, email: string): Promise<UserWithAccess | undefined> {
  return withAccess(db).where(sql`lower(u.email)`, '=', email.toLowerCase()).executeTakeFirst()
}

export function findUserByPhone(db: Db, phone: string): Promise<UserWithAccess | undefined> {
  return withAccess(db).where('u.phone', '=', phone).executeTakeFirst()
}

export async function listUsersWithRole(db: Db, roles: readonly Role[]): Promise<UserWithAccess[]> {
  return withAccess(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', [...roles]),
      ),
    )
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute()
}

export async function insertUser(db: Db, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function replaceRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute()
  }
}

export async function replaceMissions(db: Db, userId: string, missions: readonly string[]): Promise<void> {
  await db.deleteFrom('user_missions').where('user_id', '=', userId).execute()
  if (missions.length > 0) {
    await db
      .insertInto('user_missions')
      .values(missions.map((mission_code) => ({ user_id: userId, mission_code })))
      .execute()
  }
}

/**
 * Counts one TOTP try for the account, unless it must still wait: from the 5th try since the last
 * right code, the next waits 30 s, doubling up to 15 minutes. False while the wait lasts.
 */
export async function claimTotpAttempt(db: Db, id: string): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({
      mfa_failures: sql<number>`mfa_failures + 1`,
      mfa_retry_at: sql<Date>`now() + case when mfa_failures + 1 < 5 then interval '0 seconds'
        else make_interval(secs => least(30 * power(2, mfa_failures + 1 - 5), 900)) end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('mfa_retry_at', 'is', null), eb('mfa_retry_at', '<=', sql<Date>`now()`)]))
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function totpWaitSeconds(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`greatest(extract(epoch from mfa_retry_at - now()), 0)::float8`.as('seconds'))
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.seconds ?? 0
}

/**
 * Records the time step of a right code and clears the account's count of tries; false when this
 * step or a later one was used already (a replayed code, even by a request racing this one).
 */
export async function acceptTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totp_last_step: step, mfa_failures: 0, mfa_retry_at: null, updated_at: new Date() })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
