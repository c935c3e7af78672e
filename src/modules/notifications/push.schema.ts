import { z } from 'zod'

/**
 * The browser's `PushSubscription.toJSON()` as it arrives, plus an optional label. Only the
 * shape is checked here; what the strings mean (an https endpoint at a push service, a P-256
 * point, a 16-byte secret) is checked by the service, which answers `push.subscription_invalid`.
 */
export const pushSubscriptionInput = z.strictObject({
  endpoint: z.string().min(1).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().min(1).max(200),
    auth: z.string().min(1).max(100),
  }),
  label: z.string().trim().min(1).max(100).optional(),
})
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>

export const pushSubscription = z.object({
  id: z.string(),
  endpoint: z.string(),
  label: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSuccessAt: z.string().nullable(),
  failureCount: z.number().int(),
})
export type PushSubscription = z.infer<typeof pushSubscription>

export const pushSubscriptionList = z.array(pushSubscription)

export const pushSubscriptionParams = z.strictObject({ id: z.uuid() })

export const vapidPublicKey = z.object({
  publicKey: z
    .string()
    .describe('The VAPID public key, base64url: the `applicationServerKey` to subscribe with'),
})

export const deleteByEndpoint = z.strictObject({ endpoint: z.string().min(1).max(2048) })
