import { moduleErrors } from '../../platform/errors/app-error.ts'

/** Every code the identity module answers with; the web app translates each one. */
export type IdentityErrorCode =
  | 'auth.email_taken'
  | 'auth.phone_taken'
  | 'auth.invalid_credentials'
  | 'auth.challenge_required'
  | 'auth.weak_password'
  | 'auth.rate_limited'
  | 'auth.mfa_invalid_code'
  | 'auth.mfa_attempts_exhausted'
  | 'auth.mfa_already_enrolled'
  | 'auth.mfa_not_started'
  | 'auth.mfa_not_enrolled'
  | 'auth.reset_token_invalid'
  | 'auth.verify_token_invalid'
  | 'auth.code_invalid'
  | 'auth.code_cooldown'
  | 'auth.wrong_password'
  | 'session.not_found'
  | 'user.not_found'
  | 'user.mission_required'
  | 'reference.unknown_mission'

const STATUS: Record<IdentityErrorCode, number> = {
  'auth.email_taken': 409,
  'auth.phone_taken': 409,
  'auth.invalid_credentials': 401,
  'auth.challenge_required': 401,
  'auth.weak_password': 400,
  'auth.rate_limited': 429,
  'auth.mfa_invalid_code': 400,
  'auth.mfa_attempts_exhausted': 401,
  'auth.mfa_already_enrolled': 409,
  'auth.mfa_not_started': 400,
  'auth.mfa_not_enrolled': 400,
  'auth.reset_token_invalid': 400,
  'auth.verify_token_invalid': 400,
  'auth.code_invalid': 400,
  'auth.code_cooldown': 429,
  'auth.wrong_password': 400,
  'session.not_found': 404,
  'user.not_found': 404,
  'user.mission_required': 400,
  'reference.unknown_mission': 400,
}

/** An identity refusal: its status follows from its code. A 429 carries `retryAfterSeconds`. */
export const identityError = moduleErrors(STATUS)
