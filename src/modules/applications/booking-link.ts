import type { Db } from '../../database.ts'

/** What an appointment needs to know of the application it is booked for. */
export interface ApplicationForBooking {
  readonly id: string
  readonly service: string
  readonly mission: string
}

/** The citizen's own application, for an appointment to carry (another's is as unknown as none). */
export async function applicationForBooking(
  db: Db,
  userId: string,
  id: string,
): Promise<ApplicationForBooking | undefined> {
  const row = await db
    .selectFrom('applications')
    .select(['id', 'service', 'mission_code'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row ? { id: row.id, service: row.service, mission: row.mission_code } : undefined
}
