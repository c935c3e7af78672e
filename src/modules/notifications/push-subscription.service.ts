import { createECDH } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import type { PushConfig } from '../../config.ts'
import type { AppContext } from '../../context.ts'
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts'
import { pushEndpointProblem, pushHostResolvesPublic } from './push.address.ts'
import type { PushSubscription, PushSubscriptionInput } from './push.schema.ts'
import {
  countOtherSubscriptions,
  deleteSubscriptionOf,
  listSubscriptionsOf,
  type PushSubscriptionRow,
  upsertSubscription,
} from './push-subscription.repository.ts'

/** Browsers a person may receive on; a bound on what one account can make the server send. */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 20

function toApi(r: PushSubscriptionRow): PushSubscription {
  return {
    id: r.id,
    endpoint: r.endpoint,
    label: r.label,
    userAgent: r.user_agent,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    lastSuccessAt: r.last_success_at ? new Date(r.last_success_at).toISOString() : null,
    failureCount: r.failure_count,
  }
}

const invalid = (path: string, message: string) =>
  badRequest('push.subscription_invalid', `Invalid push subscription: ${path} ${message}`, {
    errors: [{ path, message }],
  })

/** Base64url as browsers write it; padding and the standard alphabet are tolerated and normalised. */
function decodeKey(value: string, path: string, bytes: number): { text: string; raw: Buffer } {
  const text = value.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalid(path, 'must be base64url')
  const raw = Buffer.from(text, 'base64url')
  if (raw.length !== bytes) throw invalid(path, `must decode to ${bytes} bytes`)
  return { text, raw }
}

/** The endpoint and keys as they will be stored, or a 400 naming what is wrong. */
function checkSubscription(config: PushConfig, input: PushSubscriptionInput) {
  let url: URL
  try {
    url = new URL(input.endpoint)
  } catch {
    throw invalid('endpoint', 'must be a URL')
  }
  if (url.protocol !== 'https:') throw invalid('endpoint', 'must be an https URL')
  if (url.username || url.password) throw invalid('endpoint', 'must not carry credentials')
  const refused = pushEndpointProblem(url, config)
  if (refused) throw badRequest('push.endpoint_not_allowed', refused)
  const p256dh = decodeKey(input.keys.p256dh, 'keys.p256dh', 65)
  try {
    if (p256dh.raw[0] !== 0x04) throw new Error('not uncompressed')
    // An agreement with a throwaway key is how to learn whether the point lies on the curve.
    const probe = createECDH('prime256v1')
    probe.generateKeys()
    probe.computeSecret(p256dh.raw)
  } catch {
    throw invalid('keys.p256dh', 'must be an uncompressed P-256 public key')
  }
  const auth = decodeKey(input.keys.auth, 'keys.auth', 16)
  // Kept as the browser wrote it: that is the string it sends again to unsubscribe.
  return { url, endpoint: input.endpoint, p256dh: p256dh.text, auth: auth.text }
}

export async function savePushSubscription(
  ctx: AppContext,
  userId: string,
  input: PushSubscriptionInput,
  userAgent: string | undefined,
): Promise<{ created: boolean; subscription: PushSubscription }> {
  const { url, ...checked } = checkSubscription(ctx.config.push, input)
  if (!(await pushHostResolvesPublic(url, ctx.config.push))) {
    throw badRequest('push.endpoint_not_allowed', `${url.hostname} is not a public address`)
  }
  if ((await countOtherSubscriptions(ctx.db, userId, checked.endpoint)) >= MAX_SUBSCRIPTIONS_PER_PERSON) {
    throw conflict(
      'push.too_many_subscriptions',
      `At most ${MAX_SUBSCRIPTIONS_PER_PERSON} browsers can receive notifications; remove one first`,
    )
  }
  const { row, previousOwner } = await upsertSubscription(ctx.db, {
    id: uuidv7(),
    userId,
    ...checked,
    label: input.label ?? null,
    userAgent: userAgent?.slice(0, 300) ?? null,
  })
  return { created: previousOwner !== userId, subscription: toApi(row) }
}

export async function listPushSubscriptions(ctx: AppContext, userId: string): Promise<PushSubscription[]> {
  return (await listSubscriptionsOf(ctx.db, userId)).map(toApi)
}

export async function deletePushSubscription(
  ctx: AppContext,
  userId: string,
  by: { id: string } | { endpoint: string },
): Promise<void> {
  if (!(await deleteSubscriptionOf(ctx.db, userId, by))) {
    throw notFound('push.subscription_not_found', 'You have no such push subscription')
  }
}
