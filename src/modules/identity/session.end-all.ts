import type { Db } from '../../database.ts'

/** Signs everyone out (after a restore: the sessions in a backup are not the ones people hold now). */
export async function endAllSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').executeTakeFirst()
  return Number(result.numDeletedRows)
}
