/** The value lists of the applications module: the web app imports them through `@server`. */

export const SERVICE_CODES = [
  'passport_renewal',
  'passport_replacement',
  'passport_first',
  'travel_document',
] as const
export type ServiceCode = (typeof SERVICE_CODES)[number]

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'returned',
  'refused',
  'withdrawn',
  'approved',
  'in_production',
  'ready',
  'collected',
  'posted',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** What a member of staff may do to an application; `note` moves nothing. */
export const STAFF_ACTIONS = [
  'accept',
  'return',
  'approve',
  'refuse',
  'ready',
  'collect',
  'post',
  'note',
] as const
export type StaffAction = (typeof STAFF_ACTIONS)[number]

export const RENEWAL_REASONS = ['expiring', 'expired', 'pages_full', 'data_changed'] as const
export const REPLACEMENT_REASONS = ['lost', 'stolen', 'damaged'] as const
export const REASONS = [...RENEWAL_REASONS, ...REPLACEMENT_REASONS] as const
export type Reason = (typeof REASONS)[number]

export const UPLOAD_KINDS = [
  'passport_data_page',
  'loss_report',
  'damaged_passport',
  'birth_certificate',
  'parent_passport',
  'relationship_proof',
  'identity_proof',
  'residence_permit',
] as const
export type UploadKind = (typeof UPLOAD_KINDS)[number]

export const COLLECTION_OPTIONS = ['mission', 'post'] as const
export type CollectionOption = (typeof COLLECTION_OPTIONS)[number]

/** The fields of the form, by the names PATCH takes and `missing` lists. */
export const FORM_FIELDS = [
  'surname',
  'givenNames',
  'nameZh',
  'sex',
  'dateOfBirth',
  'birthPlace',
  'phone',
  'addressAbroad',
  'addressChina',
  'reason',
  'currentPassport',
  'mrz',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export const PHOTO_CHECK_CODES = [
  'format',
  'bytes',
  'dimensions',
  'aspect',
  'background',
  'exposure',
  'colour',
  'face',
  'head_size',
  'centring',
  'eyes',
] as const
export type PhotoCheckCode = (typeof PHOTO_CHECK_CODES)[number]

/** What a returned application's corrections may name: form fields, the photo, the signature, an upload kind. */
export const CORRECTABLE = [...FORM_FIELDS, 'photo', 'signature', ...UPLOAD_KINDS] as const
export type Correctable = (typeof CORRECTABLE)[number]
