import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { SafetyAnswer } from './alert.enums.ts'

export interface LatestAnswer {
  readonly alertId: string
  readonly answer: SafetyAnswer
  readonly answeredAt: Date
}

/**
 * Each person's latest current answer to any of the alerts `alertIds` yields (another module's
 * list, e.g. the alerts linked to a crisis): one query for a page of people.
 */
export async function latestAnswers(
  db: Db,
  alertIds: RawBuilder<{ alert_id: string }>,
  userIds: readonly string[],
): Promise<Map<string, LatestAnswer>> {
  if (userIds.length === 0) return new Map()
  const { rows } = await sql<{ user_id: string; alert_id: string; answer: SafetyAnswer; answered_at: Date }>`
    select distinct on (r.user_id) r.user_id, r.alert_id, r.answer, r.answered_at
      from alert_recipients r
     where r.user_id = any(${[...userIds]}::uuid[]) and r.answer is not null
       and r.alert_id in (select x.alert_id from (${alertIds}) x)
     order by r.user_id, r.answered_at desc, r.alert_id desc`.execute(db)
  return new Map(
    rows.map((r) => [
      r.user_id,
      { alertId: r.alert_id, answer: r.answer, answeredAt: new Date(r.answered_at) },
    ]),
  )
}
