import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export interface AuditLogTable {
  id: string
  at: Generated<Date>
  actor_id: string | null
  actor_roles: ColumnType<string[], string[] | undefined, never>
  action: string
  subject_type: string | null
  subject_id: string | null
  ip: string | null
  details: ColumnType<Record<string, unknown>, string | undefined, never>
}

export type AuditLogRow = Selectable<AuditLogTable>
export type NewAuditLogRow = Insertable<AuditLogTable>
