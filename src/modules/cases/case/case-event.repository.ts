import type { Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../../database.ts'
import type { CasesTable } from '../cases.table.ts'

export type EventKind =
  | 'created'
  | 'contact'
  | 'note'
  | 'call'
  | 'status'
  | 'assignment'
  | 'task'
  | 'visit'
  | 'priority'
  | 'team'
  | 'detention'
  | 'sla_breach'
  | 'attachment'
  | 'attachment_removed'
  | 'sos_cancelled'

export interface NewEvent {
  readonly caseId: string
  readonly kind: EventKind
  /** null: the system (an SLA breach). */
  readonly actorId: string | null
  /** When it happened (a visit's date); defaults to now. */
  readonly at?: Date
  readonly note?: string | null
  readonly details?: Record<string, unknown>
}

export async function addEvent(db: Db, e: NewEvent): Promise<string> {
  const id = uuidv7()
  await db
    .insertInto('case_events')
    .values({
      id,
      case_id: e.caseId,
      kind: e.kind,
      at: e.at ?? new Date(),
      actor_id: e.actorId,
      note: e.note ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute()
  return id
}

export function listEvents(db: Db, caseId: string) {
  return db
    .selectFrom('case_events')
    .select(['id', 'kind', 'at', 'recorded_at', 'actor_id', 'note', 'details'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

export async function lastVisitAt(db: Db, caseId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('case_id', '=', caseId)
    .where('kind', '=', 'visit')
    .executeTakeFirst()
  return r?.at ? new Date(r.at) : null
}

export async function updateCase(db: Db, caseId: string, changes: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', caseId).execute()
}

export async function touchCase(db: Db, caseId: string, at: Date): Promise<void> {
  await updateCase(db, caseId, { updated_at: at })
}
