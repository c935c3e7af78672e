import type { Kysely } from 'kysely'
import type { Database } from '../../database.ts'

export async function findVapidKeys(db: Kysely<Database>) {
  return db
    .selectFrom('push_vapid_keys')
    .select(['public_key', 'private_key_sealed'])
    .where('id', '=', true)
    .executeTakeFirst()
}

/** Keeps the first pair written: instances racing at first start all end up with the same keys. */
export async function insertVapidKeysIfAbsent(
  db: Kysely<Database>,
  publicKey: string,
  privateKeySealed: string,
): Promise<void> {
  await db
    .insertInto('push_vapid_keys')
    .values({ id: true, public_key: publicKey, private_key_sealed: privateKeySealed })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
