import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Role } from './role.schema.ts'

export interface UsersTable {
  id: string
  email: string | null
  phone: string | null
  name: string
  locale: Generated<string>
  password_hash: string
  email_verified_at: Date | null
  /** When the sign-in phone was proved with a code sent to it; only a verified phone signs in by code. */
  phone_verified_at: Generated<Date | null>
  totp_secret: string | null
  totp_enrolled_at: Date | null
  totp_last_step: number | null
  /** TOTP codes tried since the last right one, on any session: the account's growing delay. */
  mfa_failures: Generated<number>
  /** No TOTP code is checked for this account before this time. */
  mfa_retry_at: Date | null
  disabled_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface UserRolesTable {
  user_id: string
  role: Role
}

export interface UserMissionsTable {
  user_id: string
  mission_code: string
}

export interface SessionsTable {
  id: string
  user_id: string
  created_at: Generated<Date>
  last_seen_at: Generated<Date>
  expires_at: Date
  mfa_pending: Generated<boolean>
  /** TOTP codes tried on this session while its second step is pending. */
  mfa_attempts: Generated<number>
  ip: string | null
  user_agent: string | null
}

/**
 * Failed sign-ins per key (an address, an e-mail or phone, or the pair), shared by every server
 * instance. Keys are hashed: the table holds no address or e-mail in clear.
 */
export interface LoginFailuresTable {
  key: string
  failures: number
  last_failure_at: Date
}

/** Proof-of-work challenges already used for a sign-in, kept until they expire (no replay). */
export interface LoginChallengesSpentTable {
  nonce: string
  expires_at: Date
}

export type CodePurpose = 'phone_verify' | 'phone_login'

/** A 6-digit code sent by SMS, kept as an HMAC; `user_id` is null when no account has the number. */
export interface VerificationCodesTable {
  id: string
  purpose: CodePurpose
  target: string
  user_id: string | null
  code_hash: string
  attempts: Generated<number>
  created_at: Generated<Date>
  expires_at: Date
  used_at: Date | null
}

export type TokenPurpose = 'email_verify' | 'password_reset'

/** A single-use link e-mailed to `email`; only the token's SHA-256 is kept. */
export interface AccountTokensTable {
  token_hash: string
  purpose: TokenPurpose
  user_id: string
  email: string
  created_at: Generated<Date>
  expires_at: Date
  used_at: Date | null
}

export interface IdentityTables {
  verification_codes: VerificationCodesTable
  account_tokens: AccountTokensTable
  users: UsersTable
  user_roles: UserRolesTable
  user_missions: UserMissionsTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  login_challenges_spent: LoginChallengesSpentTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type UserRoleRow = Selectable<UserRolesTable>
export type UserMissionRow = Selectable<UserMissionsTable>
export type SessionRow = Selectable<SessionsTable>
export type NewSessionRow = Insertable<SessionsTable>
export type LoginFailureRow = Selectable<LoginFailuresTable>
