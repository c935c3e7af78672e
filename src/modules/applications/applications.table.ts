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
  /** A lost/stolen replacement's first approval; the second must come from another officer. */
  first_approver: ColumnType<string | null, string | null | undefined, string | null>
  first_approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** When it reached a final status: its files are purged some days after. */
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  files_purged_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  batch_id: ColumnType<string | null, string | null | undefined, string | null>
}

export type ApplicationEventKind =
  | 'created'
  | 'submitted'
  | 'status'
  | 'note'
  | 'payment'
  | 'withdrawn'
  | 'approval'
  | 'purged'

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

export type InvalidationReason = 'lost' | 'stolen' | 'other'

/** A passport that may not be used any more; its number is sealed, found by its blind index. */
export interface InvalidatedDocumentsTable {
  id: string
  number_sealed: string
  number_digest: string
  number_last4: string
  reason: InvalidationReason
  application_id: string | null
  mission_code: string | null
  note: string | null
  reported_at: Date
  recorded_by: string | null
}

/** One export for production: the archive's bytes are in the blob store under its SHA-256. */
export interface ProductionBatchesTable {
  id: string
  mission_code: string
  sha256: string
  size: number
  count: number
  created_by: string
  created_at: Date
  purged_at: Date | null
}

export type PaymentStatus = 'pending' | 'paid' | 'failed'

/** An online payment through the hosted payment page: pending until the provider's signed callback. */
export interface ApplicationPaymentsTable {
  id: string
  application_id: string
  amount: string
  currency: string
  status: PaymentStatus
  provider_ref: string | null
  created_at: Date
  settled_at: Date | null
}

export interface ApplicationTables {
  invalidated_documents: InvalidatedDocumentsTable
  production_batches: ProductionBatchesTable
  application_payments: ApplicationPaymentsTable
  application_services: ApplicationServicesTable
  applications: ApplicationsTable
  application_events: ApplicationEventsTable
  application_uploads: ApplicationUploadsTable
}

export type ServiceRow = Selectable<ApplicationServicesTable>
export type ApplicationRow = Selectable<ApplicationsTable>
export type ApplicationEventRow = Selectable<ApplicationEventsTable>
export type ApplicationUploadRow = Selectable<ApplicationUploadsTable>
export type InvalidatedDocumentRow = Selectable<InvalidatedDocumentsTable>
export type ProductionBatchRow = Selectable<ProductionBatchesTable>
export type ApplicationPaymentRow = Selectable<ApplicationPaymentsTable>
