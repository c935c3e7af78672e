/** The alerts API's shapes as the console reads them (src/modules/alerts/alert.schema.ts). */

export const ALERT_STATUSES = [
  'draft',
  'pending_approval',
  'sending',
  'sent',
  'cancelled',
  'expired',
] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]

export const CATEGORIES = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const
export const RESPONSES = [
  'Shelter',
  'Evacuate',
  'Prepare',
  'Execute',
  'Avoid',
  'Monitor',
  'Assess',
  'AllClear',
  'None',
] as const
export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const

export interface Reach {
  people: number
  trips: number
  subscribers: number
  countedAt: string | null
}

export interface AlertSummary {
  id: string
  status: AlertStatus
  origin: string
  msgType: 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error'
  capStatus: string
  identifier: string
  sender: string
  sent: string
  event: string
  severity: string
  headline: string
  titles: Record<'zh-CN' | 'en', { event: string; headline: string }>
  effectiveAt: string
  expiresAt: string | null
  countries: string[]
  safetyCheck: boolean
  reach: Reach
  recipients: number | null
  createdAt: string
  sentAt: string | null
}

export interface CapAreaJson {
  areaDesc: string
  polygon?: string[]
  circle?: string[]
  geocode?: Array<{ valueName: string; value: string }>
}

export interface CapInfoJson {
  language: string
  category: string[]
  event: string
  responseType?: string[]
  urgency: string
  severity: string
  certainty: string
  effective?: string
  onset?: string
  expires?: string
  senderName?: string
  headline?: string
  description?: string
  instruction?: string
  web?: string
  contact?: string
  area?: CapAreaJson[]
}

export interface CapJson {
  identifier: string
  sender: string
  sent: string
  status: string
  msgType: string
  scope: string
  note?: string
  info?: CapInfoJson[]
}

export interface AlertDetail extends AlertSummary {
  scope: string
  unplaced: string[]
  area: unknown
  originalId: string | null
  references: Array<{ sender: string; identifier: string; sent: string }>
  thread: Array<{ id: string; msgType: string; status: string; sent: string; headline: string }>
  approval: { required: boolean; submittedBy: string | null; approvedBy: string | null }
  cap: CapJson
}

export interface AlertStats {
  recipients: number
  delivered: number
  failed: number
  answers: { safe: number; need_help: number; not_in_area: number }
  unanswered: number
  byChannel: Array<{ channel: string; queued: number; sent: number; delivered: number; failed: number }>
}

export const RECIPIENT_FILTERS = ['unanswered', 'need_help', 'safe', 'not_in_area'] as const
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number]

export interface Recipient {
  userId: string
  name: string
  phone: string | null
  country: string | null
  place: string | null
  lat: number | null
  lon: number | null
  inArea: boolean
  answer: string | null
  answeredAt: string | null
  contactId: string | null
}

export interface MapCell {
  lon: number
  lat: number
  total: number
  safe: number
  needHelp: number
  notInArea: number
  unanswered: number
}

/** Officers draft and send (their Severe/Extreme alerts wait for approval); the hotline only reads. */
export function mayCompose(roles: readonly string[]): boolean {
  return roles.includes('officer') || roles.includes('duty_officer')
}

/** People the alert reaches: those placed in the area plus the country's other subscribers. */
export const reachTotal = (r: Reach) => r.people + r.subscribers
