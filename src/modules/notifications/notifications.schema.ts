import { z } from 'zod'

export const inboxItem = z.object({
  id: z.string(),
  messageId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  about: z.object({ type: z.string(), id: z.string() }).nullable(),
  country: z.string().nullable(),
  link: z.string().nullable(),
  emergency: z.boolean(),
  actions: z
    .array(z.object({ key: z.string(), label: z.string() }))
    .describe('One-click answers the message offers (e.g. "I am safe"); empty when none'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})

export const inboxList = z.array(inboxItem)

export const inboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.uuid().optional(),
})

export const inboxItemParams = z.strictObject({ id: z.uuid() })

export const preferences = z.object({
  inbox: z.literal(true),
  email: z.boolean(),
  push: z.boolean(),
  sms: z.boolean().describe('Text messages, for emergencies only (when the service has an SMS gateway)'),
})

export const preferencesBody = z.strictObject({
  email: z.boolean().optional(),
  push: z.boolean().optional(),
  sms: z.boolean().optional(),
})

export const outboxQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) })

export const capturedMailList = z.array(
  z.object({
    id: z.string(),
    deliveryId: z.string(),
    messageId: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    /** Headers beyond the usual ones (List-Unsubscribe, List-Unsubscribe-Post …). */
    headers: z.record(z.string(), z.string()),
    capturedAt: z.string(),
  }),
)

export type InboxItem = z.infer<typeof inboxItem>
export type Preferences = z.infer<typeof preferences>
export type PreferencesBody = z.infer<typeof preferencesBody>
