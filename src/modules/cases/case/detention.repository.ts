import type { Db } from '../../../database.ts'
import type { DetentionRow } from '../cases.table.ts'

export function findDetention(db: Db, caseId: string): Promise<DetentionRow | undefined> {
  return db.selectFrom('case_detentions').selectAll().where('case_id', '=', caseId).executeTakeFirst()
}

export interface DetentionValues {
  arrested_at: Date
  authority_notified_at: Date | null
  facility: string
  charges: string
  lawyer: string | null
  trial_dates: string[]
  updated_by: string
}

export async function upsertDetention(db: Db, caseId: string, v: DetentionValues): Promise<void> {
  const values = { ...v, trial_dates: JSON.stringify(v.trial_dates), updated_at: new Date() }
  await db
    .insertInto('case_detentions')
    .values({ case_id: caseId, ...values })
    .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
    .execute()
}
