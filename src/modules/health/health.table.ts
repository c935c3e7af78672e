import type { ColumnType, Generated, Selectable } from 'kysely'

/** PostGIS columns are written through SQL expressions. */
type Geometry = ColumnType<unknown, unknown, unknown>

export type SiteKind = 'mission' | 'clinic'
/** A DCC entry type: vaccination, test, recovery. */
export type CertificateType = 'v' | 't' | 'r'

export interface HealthSitesTable {
  id: string
  mission_code: string | null
  kind: SiteKind
  /** Where doses are given: the DCC's `co`. */
  country: string
  name_zh: string
  name_en: string
  address: string | null
  location: Geometry | null
  created_at: Generated<Date>
}

export interface HealthCliniciansTable {
  user_id: string
  site_id: string
}

export interface HealthLotsTable {
  site_id: string
  product: string
  lot: string
}

export interface HealthSignerKeysTable {
  id: string
  kind: 'csca' | 'dsc'
  kid: string
  /** Base64 DER. */
  certificate: string
  /** PKCS#8 DER, Base64, sealed with the secret box. */
  private_key_sealed: string
  not_before: Date
  not_after: Date
  active: Generated<boolean>
  created_at: Generated<Date>
}

export interface HealthTrustEntriesTable {
  thumbprint: string
  kid: string
  country: string
  certificate_type: Generated<string>
  raw_data: string
  not_before: Date
  not_after: Date
  own: Generated<boolean>
  added_by: string | null
  added_at: Generated<Date>
}

export interface HealthDosesTable {
  id: string
  person_id: string
  kind: CertificateType
  product: string
  manufacturer: string
  lot: string
  lot_known: boolean
  dose_number: number
  series_doses: number
  date: ColumnType<string, string, string>
  site_id: string
  recorded_by: string
  recorded_at: Generated<Date>
}

export interface HealthTestsTable {
  id: string
  person_id: string
  test_type: string
  test_name: string | null
  manufacturer: string | null
  sampled_at: Date
  result: string
  centre: string
  site_id: string
  recorded_by: string
  recorded_at: Generated<Date>
}

export interface HealthRecoveriesTable {
  id: string
  person_id: string
  first_positive: ColumnType<string, string, string>
  valid_from: ColumnType<string, string, string>
  valid_until: ColumnType<string, string, string>
  site_id: string
  recorded_by: string
  recorded_at: Generated<Date>
}

export interface HealthCertificatesTable {
  id: string
  person_id: string
  dose_id: string | null
  test_id: ColumnType<string | null, string | null | undefined, string | null>
  recovery_id: ColumnType<string | null, string | null | undefined, string | null>
  uvci: string
  type: CertificateType
  kid: string
  qr: string
  issued_at: Date
  expires_at: Date
  revoked_at: Date | null
  revoked_by: string | null
  revoke_reason: string | null
}

export interface HealthProgrammesTable {
  id: string
  name_zh: string
  name_en: string
  products: string[]
  countries: string[]
  starts_on: ColumnType<string, string, string>
  ends_on: ColumnType<string, string, string>
  min_age: number | null
  max_age: number | null
  created_by: string
  created_at: Generated<Date>
}

export interface HealthProgrammeSitesTable {
  programme_id: string
  site_id: string
}

export interface HealthScreeningsTable {
  programme_id: string
  person_id: string
  answers: ColumnType<Record<string, unknown>, string, string>
  flagged: boolean
  flags: ColumnType<string[], string[] | undefined, string[]>
  answered_at: ColumnType<Date, Date | undefined, Date>
}

export interface HealthBookingsTable {
  appointment_id: string
  programme_id: string
  person_id: string
  site_id: string
  dose_number: Generated<number>
  created_at: Generated<Date>
}

export type StockMovementKind = 'received' | 'wasted' | 'transfer_out' | 'transfer_in'

export interface HealthStockMovementsTable {
  id: string
  site_id: string
  product: string
  lot: string
  kind: StockMovementKind
  doses: number
  expires_on: ColumnType<string | null, string | null | undefined, string | null>
  reason: string | null
  other_site_id: string | null
  recorded_by: string
  recorded_at: Generated<Date>
}

export interface HealthAdverseEventsTable {
  id: string
  dose_id: string
  person_id: string
  severity: 'mild' | 'moderate' | 'serious'
  description: string
  reported_by: string
  reporter: 'citizen' | 'clinician'
  case_id: string | null
  created_at: Generated<Date>
}

export interface HealthTables {
  health_sites: HealthSitesTable
  health_clinicians: HealthCliniciansTable
  health_lots: HealthLotsTable
  health_signer_keys: HealthSignerKeysTable
  health_trust_entries: HealthTrustEntriesTable
  health_doses: HealthDosesTable
  health_certificates: HealthCertificatesTable
  health_tests: HealthTestsTable
  health_recoveries: HealthRecoveriesTable
  health_programmes: HealthProgrammesTable
  health_programme_sites: HealthProgrammeSitesTable
  health_screenings: HealthScreeningsTable
  health_bookings: HealthBookingsTable
  health_stock_movements: HealthStockMovementsTable
  health_adverse_events: HealthAdverseEventsTable
}

export type SiteRow = Selectable<HealthSitesTable>
export type SignerKeyRow = Selectable<HealthSignerKeysTable>
export type TrustEntryRow = Selectable<HealthTrustEntriesTable>
export type CertificateRow = Selectable<HealthCertificatesTable>
export type ProgrammeRow = Selectable<HealthProgrammesTable>
