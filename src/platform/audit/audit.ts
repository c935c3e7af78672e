import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AuditLogTable } from './audit.table.ts'

export interface AuditDb {
  audit_log: AuditLogTable
}

export interface AuditEntry {
  readonly actorId: string | null
  readonly actorRoles?: readonly string[]
  readonly action: string
  readonly subjectType?: string
  readonly subjectId?: string
  readonly ip?: string | null
  readonly details?: Record<string, unknown>
}

/** Appends to the audit log; pass the caller's transaction so the entry commits with the change. */
export async function recordAudit<DB>(db: Kysely<DB> | Transaction<DB>, entry: AuditEntry): Promise<void> {
  const audit = db as unknown as Kysely<AuditDb>
  await audit
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      actor_id: entry.actorId,
      actor_roles: [...(entry.actorRoles ?? [])],
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}

export interface AuditQuery {
  readonly subjectType?: string
  readonly subjectId?: string
  readonly actorId?: string
  readonly action?: string
  readonly before?: Date
  readonly limit: number
}

export async function listAudit<DB>(db: Kysely<DB>, q: AuditQuery) {
  let query = (db as unknown as Kysely<AuditDb>)
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType)
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId)
  if (q.actorId) query = query.where('actor_id', '=', q.actorId)
  if (q.action) query = query.where('action', '=', q.action)
  if (q.before) query = query.where('at', '<', q.before)
  return query.execute()
}
