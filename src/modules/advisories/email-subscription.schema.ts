import { z } from 'zod'
import { emailSchema, localeSchema } from '../identity/auth.schema.ts'

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case')

export const emailSubscriptionBody = z.strictObject({
  email: emailSchema,
  country: countryCode,
  lang: localeSchema.optional(),
})
export const emailSubscriptionAccepted = z.object({ accepted: z.literal(true) })

export const emailSubscriptionParams = z.strictObject({ id: z.uuid() })
export const confirmSubscriptionBody = z.strictObject({ token: z.string().min(1).max(200) })
export const confirmedSubscription = z.object({
  country: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
})
export const unsubscribeQuery = z.strictObject({ sig: z.string().min(1).max(100) })
export const unsubscribed = z.object({ unsubscribed: z.literal(true) })

export type ConfirmedSubscription = z.infer<typeof confirmedSubscription>
