import type { AppContext } from '../../context.ts'
import { unknownCountries } from '../reference/index.ts'
import { advisoryError, unknownCountryToFollow } from './advisories.errors.ts'
import { deleteSubscription, insertSubscription, listSubscriptionRows } from './subscription.repository.ts'

export async function listSubscriptions(ctx: AppContext, userId: string) {
  const rows = await listSubscriptionRows(ctx.db, userId)
  return rows.map((r) => ({
    country: r.country,
    name: { 'zh-CN': r.name_zh, en: r.name_en },
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

export async function subscribe(ctx: AppContext, userId: string, country: string) {
  if ((await unknownCountries(ctx.db, [country])).length > 0) throw unknownCountryToFollow(country)
  const created = await insertSubscription(ctx.db, userId, country)
  return { created, subscriptions: await listSubscriptions(ctx, userId) }
}

export async function unsubscribe(ctx: AppContext, userId: string, country: string): Promise<void> {
  if (!(await deleteSubscription(ctx.db, userId, country)))
    throw advisoryError('subscription.not_found', `Not subscribed to ${country}`)
}
