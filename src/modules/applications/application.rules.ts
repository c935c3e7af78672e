import {
  type FormField,
  RENEWAL_REASONS,
  REPLACEMENT_REASONS,
  type Reason,
  type ServiceCode,
  type UploadKind,
} from './applications.enums.ts'

const PERSON: readonly FormField[] = [
  'surname',
  'givenNames',
  'sex',
  'dateOfBirth',
  'birthPlace',
  'phone',
  'addressAbroad',
]

/** The form fields a complete application of each service has. */
export const REQUIRED_FIELDS: Readonly<Record<ServiceCode, readonly FormField[]>> = {
  passport_renewal: [...PERSON, 'reason', 'currentPassport'],
  passport_replacement: [...PERSON, 'reason'],
  passport_first: PERSON,
  travel_document: [...PERSON, 'addressChina'],
}

/** The reasons a service takes; the others take none. */
export const REASONS_OF: Readonly<Record<ServiceCode, readonly Reason[]>> = {
  passport_renewal: RENEWAL_REASONS,
  passport_replacement: REPLACEMENT_REASONS,
  passport_first: [],
  travel_document: [],
}

/** The uploads a complete application holds: the catalogue's, and proof of relationship for a child. */
export function requiredUploads(catalogue: readonly UploadKind[], minor: boolean): UploadKind[] {
  const kinds = new Set(catalogue)
  if (minor) kinds.add('relationship_proof')
  return [...kinds]
}

/** Younger than `years` on the given day. */
export function isUnder(dateOfBirth: string | null | undefined, years: number, today = new Date()): boolean {
  if (!dateOfBirth) return false
  const birthday = new Date(`${dateOfBirth}T00:00:00Z`)
  birthday.setUTCFullYear(birthday.getUTCFullYear() + years)
  return birthday > today
}

/** Under 16 on the given day: the account holder applies as guardian. */
export function isMinor(dateOfBirth: string | null, today = new Date()): boolean {
  return isUnder(dateOfBirth, 16, today)
}

/** Who signs the declaration: a parent or guardian for a child under 10, else the applicant. */
export function signerOf(row: {
  dependant_id: string | null
  form: { dateOfBirth?: string }
}): 'applicant' | 'guardian' {
  return row.dependant_id && isUnder(row.form.dateOfBirth, 10) ? 'guardian' : 'applicant'
}

const LOSS_REASONS = new Set(['lost', 'stolen'])

/** A replacement whose passport was lost or stolen: it goes on the register and needs a second approver. */
export const reportsLoss = (row: { service: ServiceCode; form: { reason?: string } }): boolean =>
  row.service === 'passport_replacement' && LOSS_REASONS.has(row.form.reason ?? '')
