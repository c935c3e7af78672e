import { type RawBuilder, sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { badRequest, notFound } from '../../platform/errors/app-error.ts'
import { unknownCountries } from '../reference/index.ts'

export async function listSubscriptions(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('countries as c', 'c.code', 's.country')
    .select(['s.country', 'c.name_zh', 'c.name_en', 's.created_at'])
    .where('s.user_id', '=', userId)
    .orderBy('s.country')
    .execute()
  return rows.map((r) => ({
    country: r.country,
    name: { 'zh-CN': r.name_zh, en: r.name_en },
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

export async function subscribe(ctx: AppContext, userId: string, country: string) {
  if ((await unknownCountries(ctx.db, [country])).length > 0)
    throw badRequest('reference.unknown_country', `Unknown country ${country}`)
  const inserted = await ctx.db
    .insertInto('subscriptions')
    .values({ user_id: userId, country })
    .onConflict((oc) => oc.columns(['user_id', 'country']).doNothing())
    .executeTakeFirst()
  return {
    created: (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n,
    subscriptions: await listSubscriptions(ctx, userId),
  }
}

export async function unsubscribe(ctx: AppContext, userId: string, country: string): Promise<void> {
  const res = await ctx.db
    .deleteFrom('subscriptions')
    .where('user_id', '=', userId)
    .where('country', '=', country)
    .executeTakeFirst()
  if (res.numDeletedRows === 0n) throw notFound('subscription.not_found', `Not subscribed to ${country}`)
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
