import { z } from 'zod'

export const webhookEndpointInput = z.strictObject({
  url: z
    .string()
    .trim()
    .min(1)
    .max(2048)
    .describe('https URL to POST to (plain http only for allow-listed hosts)'),
  description: z.string().trim().min(1).max(200).optional(),
})
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInput>

export const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  active: z
    .boolean()
    .describe('false after the receiver answered 410 Gone; a successful test turns it on again'),
  createdAt: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  failureCount: z.number().int(),
})
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>

export const webhookEndpointList = z.array(webhookEndpoint)

export const webhookEndpointParams = z.strictObject({ id: z.uuid() })

export const createdWebhookEndpoint = webhookEndpoint.extend({
  secret: z
    .string()
    .describe('The signing secret, shown this once: its UTF-8 bytes are the HMAC-SHA256 key (docs/api.md)'),
})

export const webhookTestResult = z.object({
  delivered: z.boolean(),
  status: z
    .number()
    .int()
    .nullable()
    .describe("The receiver's HTTP status; null when it could not be reached"),
  detail: z.string().nullable(),
})
export type WebhookTestResult = z.infer<typeof webhookTestResult>
