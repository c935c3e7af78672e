import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../database.ts'
import type { ApplicationPaymentRow, ApplicationPaymentsTable } from './applications.table.ts'

export async function insertPayment(db: Db, row: Insertable<ApplicationPaymentsTable>): Promise<void> {
  await db.insertInto('application_payments').values(row).execute()
}

export async function findPayment(
  db: Db,
  id: string,
  lock = false,
): Promise<ApplicationPaymentRow | undefined> {
  let q = db.selectFrom('application_payments').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updatePayment(
  db: Db,
  id: string,
  changes: Updateable<ApplicationPaymentsTable>,
): Promise<void> {
  await db.updateTable('application_payments').set(changes).where('id', '=', id).execute()
}
