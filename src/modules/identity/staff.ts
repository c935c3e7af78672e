import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'

export interface StaffMember {
  id: string
  name: string
  roles: string[]
  missions: string[]
  disabled: boolean
}

/** Accounts by id with their roles and missions (for "who did it" and assignment checks). */
export async function findStaff(db: Db, ids: readonly string[]): Promise<StaffMember[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const r = await sql<StaffMember>`
    select u.id, u.name, u.disabled_at is not null as disabled,
      coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles,
      coalesce((select array_agg(m.mission_code order by m.mission_code) from user_missions m where m.user_id = u.id), '{}') as missions
    from users u where u.id = any(${unique}::uuid[])
    order by u.id`.execute(db)
  return r.rows
}

/**
 * A query yielding the ids of active accounts holding one of the roles and, when `missions`
 * is given, attached to one of those missions: composed into a notification's recipients.
 */
export function staffWithRoleSql(
  roles: readonly string[],
  missions?: readonly string[],
): RawBuilder<{ user_id: string }> {
  const inMission = missions
    ? sql`and exists (select 1 from user_missions m where m.user_id = r.user_id and m.mission_code = any(${[...missions]}::text[]))`
    : sql``
  return sql<{ user_id: string }>`
    select r.user_id from user_roles r join users u on u.id = r.user_id and u.disabled_at is null
     where r.role = any(${[...roles]}::text[]) ${inMission}`
}
