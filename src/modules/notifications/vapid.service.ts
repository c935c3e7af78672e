import webpush from 'web-push'
import type { AppContext } from '../../context.ts'
import { findVapidKeys, insertVapidKeysIfAbsent } from './vapid.repository.ts'

export interface VapidDetails {
  readonly publicKey: string
  readonly privateKey: string
  readonly subject: string
}

const loaded = new WeakMap<AppContext, Promise<VapidDetails>>()

/**
 * The application server's VAPID key pair: from the configuration, else the pair kept in the
 * database (generated on first use, private half sealed), so every instance signs with the
 * same key and browsers' subscriptions outlive restarts.
 */
export function vapidDetails(ctx: AppContext): Promise<VapidDetails> {
  let keys = loaded.get(ctx)
  if (!keys) {
    keys = loadVapidDetails(ctx)
    keys.catch(() => loaded.delete(ctx))
    loaded.set(ctx, keys)
  }
  return keys
}

async function loadVapidDetails(ctx: AppContext): Promise<VapidDetails> {
  const subject = ctx.config.push.vapidSubject
  if (ctx.config.push.vapidKeys) return { ...ctx.config.push.vapidKeys, subject }
  let row = await findVapidKeys(ctx.db)
  if (!row) {
    const fresh = webpush.generateVAPIDKeys()
    await insertVapidKeysIfAbsent(ctx.db, fresh.publicKey, ctx.secrets.seal(fresh.privateKey))
    row = await findVapidKeys(ctx.db)
    if (!row) throw new Error('VAPID keys vanished after being stored')
  }
  return { publicKey: row.public_key, privateKey: ctx.secrets.open(row.private_key_sealed), subject }
}
