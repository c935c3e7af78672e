import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type { InvalidatedDocumentRow, InvalidatedDocumentsTable } from './applications.table.ts'

/** Puts a document on the register; a number already on it keeps its first entry (false then). */
export async function insertInvalidated(
  db: Db,
  row: Insertable<InvalidatedDocumentsTable>,
): Promise<boolean> {
  const r = await db
    .insertInto('invalidated_documents')
    .values(row)
    .onConflict((oc) => oc.column('number_digest').doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

/** The register's entry for a number's blind index, or none. */
export async function findInvalidated(db: Db, digest: string): Promise<InvalidatedDocumentRow | undefined> {
  return db
    .selectFrom('invalidated_documents')
    .selectAll()
    .where('number_digest', '=', digest)
    .executeTakeFirst()
}

/** The reference of the application an entry came from, for the officer who finds it. */
export async function referenceOf(db: Db, applicationId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('applications')
    .select('reference')
    .where('id', '=', applicationId)
    .executeTakeFirst()
  return r?.reference
}
