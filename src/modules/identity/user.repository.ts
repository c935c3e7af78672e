import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import type { NewUserRow, UserRow, UserUpdate } from './identity.table.ts'

export interface UserWithAccess extends UserRow {
  roles: string[]
  missions: string[]
}

function withAccess(db: Db) {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .select([
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

export async function listUsersWithRole(db: Db, roles: readonly string[]): Promise<UserWithAccess[]> {
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

export async function replaceRoles(db: Db, userId: string, roles: readonly string[]): Promise<void> {
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

/** Counts a failed sign-in; locks the account once the count reaches the limit. */
export async function recordFailedLogin(db: Db, id: string, limit: number, lockMs: number): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: sql<Date | null>`case when failed_logins + 1 >= ${limit}
        then now() + ${`${lockMs} milliseconds`}::interval else locked_until end`,
    }))
    .where('id', '=', id)
    .execute()
}

export async function clearFailedLogins(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute()
}
