import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { ServiceCode } from './applications.enums.ts'
import type { ApplicationServicesTable, ServiceRow } from './applications.table.ts'

/** The mission's own entries over the defaults (mission `*`), one per service, in catalogue order. */
export async function servicesOfMission(db: Db, mission: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('application_services')
    .selectAll()
    .where('mission_code', 'in', [mission, '*'])
    .orderBy('code')
    .orderBy(sql`mission_code = '*'`)
    .execute()
    .then((rows) => {
      const seen = new Set<string>()
      return rows.filter((r) => {
        if (seen.has(r.code)) return false
        seen.add(r.code)
        return true
      })
    })
}

export async function serviceOfMission(
  db: Db,
  mission: string,
  code: ServiceCode,
): Promise<ServiceRow | undefined> {
  return (await servicesOfMission(db, mission)).find((r) => r.code === code)
}

export async function upsertService(
  db: Db,
  row: Omit<ApplicationServicesTable, 'updated_at'>,
): Promise<void> {
  await db
    .insertInto('application_services')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['mission_code', 'code']).doUpdateSet({
        fee_amount: row.fee_amount,
        fee_currency: row.fee_currency,
        processing_days: row.processing_days,
        eligibility_zh: row.eligibility_zh,
        eligibility_en: row.eligibility_en,
        uploads: row.uploads,
        requires_appointment: row.requires_appointment,
        collection: row.collection,
        photo_min_bytes: row.photo_min_bytes,
        photo_max_bytes: row.photo_max_bytes,
        active: row.active,
        updated_by: row.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute()
}
