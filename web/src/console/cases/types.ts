import type { Localized } from '../../lib/types.ts'

export const CASE_TYPES = [
  'kidnapping',
  'assault',
  'missing_person',
  'detention',
  'accident',
  'death',
  'medical',
  'lost_documents',
  'fraud',
  'dispute',
  'disaster',
  'other',
] as const
export type CaseType = (typeof CASE_TYPES)[number]
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]
export const STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_citizen',
  'waiting_authority',
  'resolved',
  'closed',
] as const
export type Status = (typeof STATUSES)[number]
export const CHANNELS = ['phone', 'chat', 'email', 'app', 'walk_in'] as const
export type Channel = (typeof CHANNELS)[number]

/** The moves the server allows (it refuses any other with 409); those needing a reason are marked. */
export const NEXT: Record<Status, Array<{ to: Status; reason?: true }>> = {
  new: [{ to: 'triaged' }, { to: 'in_progress' }, { to: 'closed', reason: true }],
  triaged: [{ to: 'in_progress' }],
  in_progress: [{ to: 'waiting_citizen' }, { to: 'waiting_authority' }, { to: 'resolved' }],
  waiting_citizen: [{ to: 'in_progress' }, { to: 'resolved' }],
  waiting_authority: [{ to: 'in_progress' }, { to: 'resolved' }],
  resolved: [{ to: 'closed' }, { to: 'in_progress', reason: true }],
  closed: [{ to: 'in_progress', reason: true }],
}

export const PRIORITY_COLOR: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'gold', P4: 'default' }

export interface Actor {
  id: string
  name: string
}
export interface MissionRef {
  code: string
  name: Localized
}
export interface Place {
  source: 'location' | 'trip' | 'residence'
  country: string
  lat: number | null
  lon: number | null
}
export interface PersonSummary {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  phone: string | null
  places?: Place[]
  whereNow?: Place | null
  openCases?: Array<{ id: string; reference: string; type: CaseType; status: Status; priority: Priority }>
}
export interface Contact {
  id: string
  receivedAt: string
  kind: 'contact' | 'help_request'
  channel: Channel
  priority: Priority | null
  caller: { phone: string | null; name: string | null; personId: string | null }
  person: PersonSummary | null
  summary: string
  location: { lat: number; lon: number } | null
  country: string | null
  mission: MissionRef | null
  caseId: string | null
  takenBy: Actor | null
}
export interface ContactList {
  person: PersonSummary | null
  contacts: Contact[]
  nextCursor: string | null
}
export interface CaseSummary {
  id: string
  reference: string
  type: CaseType
  status: Status
  priority: Priority
  summary: string
  country: string | null
  location: { lat: number; lon: number } | null
  mission: MissionRef | null
  assignee: Actor | null
  needToKnow: boolean
  createdAt: string
  updatedAt: string
  slaBreached: { kind: 'firstResponse' | 'update'; at: string } | null
  nextVisitDue: string | null
  visitOverdue: boolean
}
export interface TimelineEntry {
  id: string
  kind: string
  at: string
  by: Actor | null
  note: string | null
  details: Record<string, unknown>
}
export interface Detention {
  arrestedAt: string
  authorityNotifiedAt: string | null
  facility: string
  charges: string
  lawyer: string | null
  trialDates: string[]
}
export interface Attachment {
  id: string
  name: string
  size: number
  mediaType: string
  sha256: string
  uploadedBy: Actor | null
  uploadedAt: string
  removed: { at: string; by: Actor | null; reason: string } | null
  downloadUrl: string | null
}
export interface AttachmentList {
  items: Attachment[]
  limits: { maxBytes: number; maxFiles: number; maxCaseBytes: number; accept: string[] }
}
export interface CaseDetail extends CaseSummary {
  people: Array<{ personId: string | null; phone: string | null; person: PersonSummary | null }>
  detention: Detention | null
  attachments: Attachment[]
  timeline: TimelineEntry[]
}
