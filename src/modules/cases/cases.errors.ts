import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every code the cases module answers with, and its HTTP status. Clients and tests rely on both. */
const STATUS = {
  'attachment.empty': 400,
  'attachment.malformed': 400,
  'attachment.none': 400,
  'attachment.upload_broken': 400,
  'attachment.not_found': 404,
  'attachment.already_removed': 409,
  'attachment.case_limit': 409,
  'attachment.removed': 410,
  'attachment.too_large': 413,
  'attachment.too_many_files': 413,
  'attachment.too_many_parts': 413,
  'attachment.not_multipart': 415,
  'attachment.type_mismatch': 415,
  'attachment.type_not_allowed': 415,

  'case.assignee_required': 400,
  'case.bad_assignee': 400,
  'case.bad_team_member': 400,
  'case.member_required': 400,
  'case.note_required': 400,
  'case.priority_required': 400,
  'case.priority_unchanged': 400,
  'case.reason_required': 400,
  'case.rescued_on_resolve_only': 400,
  'case.status_required': 400,
  'case.unknown_person': 400,
  'case.visit_at_required': 400,
  'case.visit_in_future': 400,
  'case.not_a_member': 404,
  'case.not_found': 404,
  'case.bad_transition': 409,
  'case.closed': 409,
  'case.not_detention': 409,
  'case.possible_duplicate': 409,

  'contact.bad_phone': 400,
  'contact.caller_required': 400,
  'contact.unknown_person': 400,
  'contact.not_found': 404,
  'contact.already_linked': 409,
  /** Another member of staff has taken this SOS. */
  'contact.claimed': 409,
  /** Acknowledge and claim are for help requests (SOS), not for calls recorded by staff. */
  'contact.not_help_request': 409,

  /** Another person's SOS, or none with this id: alike. */
  'help.not_found': 404,
  'help.bad_transition': 409,
  /** Cancelled or closed: its location is no longer shared. */
  'help.not_open': 409,

  'detention.dates_inverted': 400,
  'detention.in_future': 400,

  'crisis.area_outside_country': 400,
  'crisis.assembly_point_required': 400,
  'crisis.bad_area': 400,
  'crisis.leg_required': 400,
  'crisis.unexpected_assembly_point': 400,
  'crisis.unexpected_leg': 400,
  'crisis.unknown_assembly_point': 400,
  'crisis.unknown_leg': 400,
  /** Another officer's country: the one refusal that is not a 404, since the caller names the country. */
  'crisis.outside_scope': 403,
  'crisis.not_found': 404,
  'crisis.person_not_found': 404,
  'crisis.closed': 409,
  'crisis.leg_full': 409,

  /** The reference module's code for a country it does not know, answered by crisis creation. */
  'reference.unknown_country': 400,
} as const satisfies Record<string, 400 | 403 | 404 | 409 | 410 | 413 | 415>

export type CasesErrorCode = keyof typeof STATUS

/** An error of the cases module: its status follows from its code, so neither can drift apart. */
export const casesError = moduleErrors(STATUS)

/** The answer for a case that does not exist and for one the caller may not see alike. */
export const caseNotFound = () => casesError('case.not_found', 'No such case')
