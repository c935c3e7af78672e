import type { Insertable } from 'kysely'
import type { Db } from '../../../database.ts'
import type { AttachmentRow, CaseAttachmentsTable } from '../cases.table.ts'

export async function insertAttachment(db: Db, row: Insertable<CaseAttachmentsTable>): Promise<void> {
  await db.insertInto('case_attachments').values(row).execute()
}

/** Every file of the case, removed ones too, in upload order. */
export function listAttachmentRows(db: Db, caseId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export function findAttachmentRow(db: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The files a case holds now (not removed) and their bytes, for the per-case limits. */
export async function caseHoldings(db: Db, caseId: string): Promise<{ files: number; bytes: number }> {
  const r = await db
    .selectFrom('case_attachments')
    .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('size').as('bytes')])
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { files: Number(r.files), bytes: Number(r.bytes ?? 0) }
}

export async function markRemoved(
  db: Db,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<AttachmentRow | undefined> {
  return db
    .updateTable('case_attachments')
    .set({ deleted_at: at, deleted_by: by, deleted_reason: reason })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
}

/** Whether any case attachment (removed ones too: their record names the bytes) has this content. */
export async function caseHoldsBlob(db: Db, sha256: string): Promise<boolean> {
  const r = await db
    .selectFrom('case_attachments')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst()
  return r !== undefined
}
