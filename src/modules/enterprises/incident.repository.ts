import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type { EnterpriseIncidentsTable } from './enterprises.table.ts'

export async function insertIncident(db: Db, row: Insertable<EnterpriseIncidentsTable>): Promise<void> {
  await db.insertInto('enterprise_incidents').values(row).execute()
}
