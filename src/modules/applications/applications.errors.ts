import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every code the applications module answers with, and its HTTP status. Clients and tests rely on both. */
const STATUS = {
  'application.bad_reason': 400,
  'application.bad_dependant': 400,
  'application.bad_correction': 400,
  'application.reason_required': 400,
  'application.corrections_required': 400,
  'application.not_multipart': 415,
  'application.malformed': 400,
  'application.file_missing': 400,
  'application.bad_kind': 400,
  'application.upload_broken': 400,
  'application.too_large': 413,
  'application.type_not_allowed': 415,
  'application.not_found': 404,
  'application.no_photo': 404,
  'application.unknown_mission': 404,
  'application.service_unavailable': 404,
  'application.bad_transition': 409,
  'application.not_editable': 409,
  'application.field_locked': 409,
  'application.unpaid': 409,
  'application.not_submitted': 409,
  'application.already_paid': 409,
  'application.save_conflict': 409,
  'application.incomplete': 422,
  'photo.rejected': 422,
  'signature.rejected': 422,
  'mrz.format': 422,
  'catalogue.unknown_mission': 404,
  'catalogue.unknown_service': 404,
  'catalogue.bad_photo_range': 400,
  'application.same_approver': 409,
  'application.files_purged': 410,
  'register.already_listed': 409,
  'batch.mission_required': 400,
  'batch.nothing_to_produce': 409,
  'batch.not_found': 404,
  'batch.purged': 410,
  'payment.unavailable': 404,
  'payment.bad_signature': 401,
  'payment.unknown_order': 404,
  'payment.mismatch': 422,
} as const satisfies Record<string, 400 | 401 | 404 | 409 | 410 | 413 | 415 | 422>

export type ApplicationsErrorCode = keyof typeof STATUS

/** An error of the applications module: its status follows from its code. */
export const applicationsError = moduleErrors(STATUS)

/** The answer for an application that does not exist and for one the caller may not see alike. */
export const applicationNotFound = () => applicationsError('application.not_found', 'No such application')
