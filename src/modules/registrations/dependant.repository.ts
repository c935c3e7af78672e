import { sql, type Transaction, type Updateable } from 'kysely'
import type { Database, Db } from '../../database.ts'
import { lockAccount } from '../identity/index.ts'
import type { DependantRow, DependantsTable } from './registrations.table.ts'

const COLUMNS = [
  'id',
  'relation',
  'name_latin',
  'name_zh',
  'date_of_birth',
  'sex',
  'passport_last4',
  'phone',
  'created_at',
  'updated_at',
] as const

/** A dependant as the person sees them: the passport only by its last 4 characters. */
export type ShownDependantRow = Pick<DependantRow, (typeof COLUMNS)[number]>

export function listDependantRows(db: Db, userId: string, id?: string): Promise<ShownDependantRow[]> {
  let q = db.selectFrom('dependants').select(COLUMNS).where('user_id', '=', userId)
  if (id) q = q.where('id', '=', id)
  return q.orderBy('id').execute()
}

/** The sealed passports too: only for the person's own export. */
export function listSealedPassports(db: Db, userId: string) {
  return db
    .selectFrom('dependants')
    .select(['id', 'passport_sealed'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
}

/** Locks the account's row so that two concurrent additions cannot both pass the limit. */
export async function countDependantsForUpdate(db: Transaction<Database>, userId: string): Promise<number> {
  await lockAccount(db, userId)
  const r = await db
    .selectFrom('dependants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export type DependantValues = Omit<DependantsTable, 'id' | 'user_id' | 'created_at' | 'updated_at'>

export async function insertDependant(
  db: Db,
  userId: string,
  id: string,
  values: DependantValues,
): Promise<void> {
  await db
    .insertInto('dependants')
    .values({ id, user_id: userId, ...values })
    .execute()
}

export async function updateDependant(
  db: Db,
  userId: string,
  id: string,
  changes: Updateable<DependantsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('dependants')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

export async function deleteDependant(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('dependants')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return r.numDeletedRows > 0n
}

/** The ids among `ids` that are not dependants of the person (unknown, or someone else's); the others stay locked. */
export async function foreignDependants(db: Db, userId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const own = await db
    .selectFrom('dependants')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', 'in', [...ids])
    .forShare()
    .execute()
  const mine = new Set(own.map((r) => r.id))
  return ids.filter((id) => !mine.has(id))
}
