import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type { EnterpriseAssessmentsTable } from './enterprises.table.ts'

export async function insertAssessment(db: Db, row: Insertable<EnterpriseAssessmentsTable>): Promise<void> {
  await db.insertInto('enterprise_assessments').values(row).execute()
}

export function assessmentsOf(db: Db, enterpriseId: string) {
  return db
    .selectFrom('enterprise_assessments')
    .select(['id', 'answers', 'score', 'sections', 'gaps', 'submitted_at'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
}
