import { sql } from 'kysely'
import type { Db } from '../../database.ts'

/** The address's subscription to the country (e-mail compared without case). */
export function findEmailSubscription(db: Db, email: string, country: string) {
  return db
    .selectFrom('email_subscriptions')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('country', '=', country)
    .executeTakeFirst()
}

export function findEmailSubscriptionById(db: Db, id: string) {
  return db.selectFrom('email_subscriptions').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A new unconfirmed subscription, or a fresh confirmation token for one not yet confirmed. */
export async function upsertPending(
  db: Db,
  row: { id: string; email: string; country: string; lang: 'zh-CN' | 'en'; tokenHash: string },
): Promise<string> {
  const r = await db
    .insertInto('email_subscriptions')
    .values({
      id: row.id,
      email: row.email,
      country: row.country,
      lang: row.lang,
      confirm_token_hash: row.tokenHash,
      confirm_sent_at: sql`now()`,
    })
    .onConflict((oc) =>
      oc
        .expression(sql`lower(email), country`)
        .doUpdateSet({ confirm_token_hash: row.tokenHash, confirm_sent_at: sql`now()`, lang: row.lang })
        .where('email_subscriptions.confirmed_at', 'is', null),
    )
    .returning('id')
    .executeTakeFirst()
  return r?.id ?? row.id
}

/** Confirms once: the subscription, or undefined when the token is not the one sent (or was used). */
export function confirmPending(db: Db, id: string, tokenHash: string) {
  return db
    .updateTable('email_subscriptions')
    .set({ confirmed_at: sql`now()`, confirm_token_hash: null })
    .where('id', '=', id)
    .where('confirm_token_hash', '=', tokenHash)
    .where('confirmed_at', 'is', null)
    .where('confirm_sent_at', '>', sql<Date>`now() - interval '7 days'`)
    .returning(['id', 'email', 'country', 'lang'])
    .executeTakeFirst()
}

export async function deleteEmailSubscription(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('email_subscriptions').where('id', '=', id).executeTakeFirst()
  return r.numDeletedRows > 0n
}

/**
 * Up to `limit` confirmed subscribers of the countries not yet sent `about`, recorded as sent
 * now (in the caller's transaction, with the mail queued beside it).
 */
export async function claimUnsent(db: Db, about: string, countries: readonly string[], limit: number) {
  const r = await sql<{ id: string; email: string; country: string; lang: 'zh-CN' | 'en' }>`
    with picked as (
      select s.id, s.email, s.country, s.lang from email_subscriptions s
       where s.country = any(${[...countries]}::text[]) and s.confirmed_at is not null
         and not exists (select 1 from email_subscription_sends x where x.subscription_id = s.id and x.about = ${about})
       order by s.id limit ${limit}),
    ins as (
      insert into email_subscription_sends (subscription_id, about)
      select id, ${about} from picked on conflict do nothing returning subscription_id)
    select p.* from picked p join ins on ins.subscription_id = p.id`.execute(db)
  return r.rows
}
