import type { ColumnType, Generated, Selectable } from 'kysely'

/** A one-click answer offered with a message; the label in both languages. */
export interface MessageAction {
  key: string
  label: { 'zh-CN': string; en: string }
}

/** A small file sent with a message's e-mail (an appointment's .ics), its content as text. */
export interface MessageAttachment {
  filename: string
  contentType: string
  content: string
}

export type Channel = 'inbox' | 'email' | 'push' | 'sms' | 'webhook'
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'failed'

export interface MessagesTable {
  id: string
  kind: string
  about_type: string | null
  about_id: string | null
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  link: string | null
  emergency: Generated<boolean>
  created_at: Generated<Date>
  actions: ColumnType<MessageAction[] | null, string | null, string | null>
  action_url: string | null
  attachments: ColumnType<MessageAttachment[] | null, string | null | undefined, string | null>
}

export interface DeliveriesTable {
  id: string
  message_id: string
  user_id: string
  channel: Channel
  state: DeliveryState
  attempts: Generated<number>
  last_error: string | null
  next_attempt_at: Generated<Date>
  created_at: Generated<Date>
  sent_at: Date | null
  read_at: Date | null
  /** The provider's own id for what it accepted (an SMS gateway's message id). */
  provider_ref: string | null
}

export interface NotificationPreferencesTable {
  user_id: string
  email: Generated<boolean>
  push: Generated<boolean>
  sms: Generated<boolean>
  updated_at: Generated<Date>
}

export interface PushSubscriptionsTable {
  id: string
  user_id: string
  endpoint: string
  p256dh: string
  auth: string
  label: string | null
  user_agent: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  last_success_at: Date | null
  last_failure_at: Date | null
  failure_count: Generated<number>
}

export interface PushVapidKeysTable {
  id: Generated<boolean>
  public_key: string
  private_key_sealed: string
  created_at: Generated<Date>
}

/** What one receiver (a browser's push service, a webhook endpoint) made of one delivery. */
export type ReceiverOutcome = 'sent' | 'rejected'

export interface PushSendsTable {
  delivery_id: string
  subscription_id: string
  outcome: ReceiverOutcome
  status_code: number | null
  at: Generated<Date>
}

export interface WebhookEndpointsTable {
  id: string
  user_id: string
  url: string
  secret_sealed: string
  description: string | null
  active: Generated<boolean>
  created_at: Generated<Date>
  last_success_at: Date | null
  last_failure_at: Date | null
  failure_count: Generated<number>
}

export interface WebhookSendsTable {
  delivery_id: string
  endpoint_id: string
  outcome: ReceiverOutcome
  status_code: number | null
  at: Generated<Date>
}

export interface CapturedMailTable {
  id: string
  delivery_id: string
  message_id_header: string
  recipient: string
  subject: string
  body: string
  captured_at: Generated<Date>
  attachments: ColumnType<MessageAttachment[] | null, string | null | undefined, string | null>
}

export interface NotificationTables {
  messages: MessagesTable
  deliveries: DeliveriesTable
  notification_preferences: NotificationPreferencesTable
  push_subscriptions: PushSubscriptionsTable
  push_vapid_keys: PushVapidKeysTable
  push_sends: PushSendsTable
  captured_mail: CapturedMailTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_sends: WebhookSendsTable
}

export type MessageRow = Selectable<MessagesTable>
export type DeliveryRow = Selectable<DeliveriesTable>
export type NotificationPreferencesRow = Selectable<NotificationPreferencesTable>
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>
export type PushVapidKeysRow = Selectable<PushVapidKeysTable>
export type PushSendRow = Selectable<PushSendsTable>
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>
export type WebhookSendRow = Selectable<WebhookSendsTable>
export type CapturedMailRow = Selectable<CapturedMailTable>
