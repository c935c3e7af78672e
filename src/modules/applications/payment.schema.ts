import { z } from 'zod'

export const paymentStarted = z.object({ paymentId: z.uuid(), redirectUrl: z.url() })

/** The provider's signed word on one order (every value a string, as signed). */
export const paymentCallbackBody = z.strictObject({
  merchant: z.string().min(1).max(64),
  order: z.uuid(),
  status: z.enum(['paid', 'failed']),
  amount: z.string().regex(/^\d{1,10}\.\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  providerRef: z.string().min(1).max(100),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
})
export type PaymentCallbackBody = z.infer<typeof paymentCallbackBody>
export const paymentCallbackAnswer = z.object({
  ok: z.literal(true),
  status: z.enum(['pending', 'paid', 'failed']),
})
