import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import { countryNamesSql } from '../reference/index.ts'

/** The person's followed countries with their names, by code. */
export function listSubscriptionRows(db: Db, userId: string) {
  return db
    .selectFrom('subscriptions as s')
    .innerJoin(countryNamesSql().as('c'), 'c.code', 's.country')
    .select(['s.country', 'c.name_zh', 'c.name_en', 's.created_at'])
    .where('s.user_id', '=', userId)
    .orderBy('s.country')
    .execute()
}

/** Follows a country; false when the person already did. */
export async function insertSubscription(db: Db, userId: string, country: string): Promise<boolean> {
  const inserted = await db
    .insertInto('subscriptions')
    .values({ user_id: userId, country })
    .onConflict((oc) => oc.columns(['user_id', 'country']).doNothing())
    .executeTakeFirst()
  return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function deleteSubscription(db: Db, userId: string, country: string): Promise<boolean> {
  const res = await db
    .deleteFrom('subscriptions')
    .where('user_id', '=', userId)
    .where('country', '=', country)
    .executeTakeFirst()
  return res.numDeletedRows > 0n
}

/**
 * The explicit subscribers of any of the countries `countries` yields (a query over `text[]`),
 * for other modules to compose into their own statement (an alert's fan-out).
 */
export function subscribersOf(countries: RawBuilder<string[]>): RawBuilder<{ user_id: string }> {
  return sql<{
    user_id: string
  }>`select s.user_id from subscriptions s where s.country = any(${countries}::text[])`
}
