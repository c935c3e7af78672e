import type { ColumnType, Generated, Selectable } from 'kysely'
import type {
  ApplicationStatus,
  CollectionOption,
  Correctable,
  PhotoCheckCode,
  ServiceCode,
  UploadKind,
} from './applications.enums.ts'

type Json<T> = ColumnType<T, string, string>

/** One service a mission offers; the rows of mission `*` are the defaults every mission starts from. */
export interface ApplicationServicesTable {
  mission_code: string
  code: ServiceCode
  fee_amount: string
  fee_currency: string
  processing_days: number
  eligibility_zh: string
  eligibility_en: string
  uploads: UploadKind[]
  requires_appointment: boolean
  collection: CollectionOption[]
  photo_min_bytes: number
  photo_max_bytes: number
  active: boolean
  updated_at: Generated<Date>
  updated_by: string | null
}

/** The form as the citizen fills it (passport numbers and the MRZ are sealed in their own columns). */
export interface ApplicationForm {
  surname?: string
  givenNames?: string
  nameZh?: string
  sex?: 'F' | 'M'
  dateOfBirth?: string
  birthPlace?: string
  phone?: string
  addressAbroad?: string
  addressChina?: string
  reason?: string
  currentPassportExpiry?: string
}

export interface PhotoCheck {
  code: PhotoCheckCode
  passed: boolean
  blocking: boolean
}

export interface Correction {
  field: Correctable
  message: string
}

export interface ApplicationsTable {
  id: string
  reference: string
  user_id: string
  dependant_id: string | null
  /** Set at creation from the dependant's age: the guardian uploads proof of relationship. */
  minor: boolean
  mission_code: string
  service: ServiceCode
  status: ApplicationStatus
  form: Json<ApplicationForm>
  passport_sealed: string | null
  passport_digest: string | null
  passport_last4: string | null
  mrz_sealed: string | null
  photo_sha256: string | null
  photo_checks: ColumnType<PhotoCheck[] | null, string | null, string | null>
  signature_sha256: string | null
  corrections: Json<Correction[]>
  fee_amount: string
  fee_currency: string
  payment_receipt: string | null
  created_at: Date
  updated_at: Date
  submitted_at: Date | null
}

export type ApplicationEventKind = 'created' | 'submitted' | 'status' | 'note' | 'payment' | 'withdrawn'

export interface ApplicationEventsTable {
  id: string
  application_id: string
  kind: ApplicationEventKind
  from_status: ApplicationStatus | null
  to_status: ApplicationStatus | null
  reason: string | null
  /** Internal notes: staff only, never in a /me answer. */
  internal: boolean
  actor_id: string | null
  at: Date
}

export interface ApplicationUploadsTable {
  id: string
  application_id: string
  kind: UploadKind
  sha256: string
  size: number
  media_type: string
  file_name: string
  uploaded_by: string
  uploaded_at: Date
}

export interface ApplicationTables {
  application_services: ApplicationServicesTable
  applications: ApplicationsTable
  application_events: ApplicationEventsTable
  application_uploads: ApplicationUploadsTable
}

export type ServiceRow = Selectable<ApplicationServicesTable>
export type ApplicationRow = Selectable<ApplicationsTable>
export type ApplicationEventRow = Selectable<ApplicationEventsTable>
export type ApplicationUploadRow = Selectable<ApplicationUploadsTable>
