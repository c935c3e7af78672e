import type { Localized } from './types.ts'

export interface EmergencyContact {
  name: string
  phone: string
  relation: string
}
export interface Residence {
  country: string
  city: string | null
  address: string | null
  lat: number | null
  lon: number | null
  since: string | null
}
export interface Profile {
  id: string
  email: string | null
  name: string
  nameLatin: string | null
  nameZh: string | null
  dateOfBirth: string | null
  sex: 'F' | 'M' | 'X' | null
  passportNumber: string | null
  phone: string | null
  locale: 'zh-CN' | 'en'
  consentToContact: boolean
  emergencyContacts: EmergencyContact[]
  residence: Residence | null
}
export interface Destination {
  country: string
  city: string | null
  lat: number | null
  lon: number | null
}
export interface Warning {
  code: string
  detail: string
  destination?: number
}
export interface Trip {
  id: string
  destinations: Destination[]
  startDate: string
  endDate: string
  travellers?: string[]
  warnings: Warning[]
}
export interface InboxItem {
  id: string
  messageId: string
  kind: string
  title: string
  body: string
  about: { type: string; id: string } | null
  country: string | null
  link: string | null
  emergency: boolean
  createdAt: string
  readAt: string | null
}
export interface Peer {
  level: number
  label: string
}
export interface AdvisorySummary {
  country: string
  name: Localized
  level: number
  label: Localized
  peers: { us: Peer; smartraveller: Peer }
  summary: Localized
  version: number | null
  updatedAt: string | null
  maxRegionLevel: number | null
}
export interface RegionAdvisory {
  id: string
  code: string | null
  name: Localized
  level: number
  label: Localized
  summary: Localized
  version: number
  updatedAt: string
}
export type AdviceSections = Partial<Record<'safety' | 'laws' | 'health' | 'entry' | 'contacts', string>>
export interface AdvisoryDetail extends AdvisorySummary {
  regions: RegionAdvisory[]
  advice: { 'zh-CN'?: AdviceSections; en?: AdviceSections }
  history: Array<{ version: number; level: number; summary: Localized; publishedAt: string }>
}
export interface Subscription {
  country: string
  name: Localized
  createdAt: string
}
export interface Dependant {
  id: string
  nameLatin: string
  nameZh: string | null
  dateOfBirth: string
  sex: 'F' | 'M' | 'X' | null
  passportNumber: string | null
  relation: 'child' | 'spouse' | 'parent' | 'other'
  phone: string | null
}
