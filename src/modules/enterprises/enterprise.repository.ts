import { type Insertable, sql } from 'kysely'
import type { Db } from '../../database.ts'
import { accountsSql } from '../identity/index.ts'
import type { EnterpriseStatus, MemberRole } from './enterprises.enums.ts'
import type { EnterprisesTable } from './enterprises.table.ts'

const COLUMNS = [
  'e.id',
  'e.name',
  'e.name_zh',
  'e.credit_code',
  'e.province',
  'e.industry',
  'e.contact_name',
  'e.contact_phone',
  'e.contact_email',
  'e.status',
  'e.created_at',
  'e.verified_at',
] as const

function withSites(db: Db) {
  return db
    .selectFrom('enterprises as e')
    .select([
      ...COLUMNS,
      sql<number>`(select count(*) from enterprise_sites s where s.enterprise_id = e.id)::int`.as('sites'),
    ])
}

export type EnterpriseListRow = Awaited<ReturnType<typeof findEnterprise>> & {}

export function findEnterprise(db: Db, id: string) {
  return withSites(db).where('e.id', '=', id).executeTakeFirst()
}

export function creditCodeTaken(db: Db, code: string) {
  return db.selectFrom('enterprises').select('id').where('credit_code', '=', code).executeTakeFirst()
}

export async function insertEnterprise(db: Db, row: Insertable<EnterprisesTable>): Promise<void> {
  await db.insertInto('enterprises').values(row).execute()
}

export function enterprisesOfUser(db: Db, userId: string) {
  return withSites(db)
    .innerJoin('enterprise_members as m', 'm.enterprise_id', 'e.id')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute()
}

export function listEnterpriseRows(db: Db, status: EnterpriseStatus | undefined) {
  let q = withSites(db)
  if (status) q = q.where('e.status', '=', status)
  return q.orderBy('e.created_at', 'desc').orderBy('e.id').limit(500).execute()
}

export async function markVerified(db: Db, id: string, by: string): Promise<void> {
  await db
    .updateTable('enterprises')
    .set({ status: 'verified', verified_by: by, verified_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

export async function memberRole(db: Db, enterpriseId: string, userId: string): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('enterprise_members')
    .select('role')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.role ?? null
}

export async function upsertMember(db: Db, enterpriseId: string, userId: string, role: MemberRole) {
  await db
    .insertInto('enterprise_members')
    .values({ enterprise_id: enterpriseId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['enterprise_id', 'user_id']).doUpdateSet({ role }))
    .execute()
}

export function membersOf(db: Db, enterpriseId: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin(accountsSql().as('u'), 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role'])
    .where('m.enterprise_id', '=', enterpriseId)
    .orderBy('m.added_at')
    .orderBy('m.user_id')
    .execute()
}

export async function accountByEmail(db: Db, email: string) {
  return db
    .selectFrom(accountsSql().as('u'))
    .select(['u.id', 'u.disabled_at'])
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .executeTakeFirst()
}
