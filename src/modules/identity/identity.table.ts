import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface UsersTable {
  id: string
  email: string | null
  phone: string | null
  name: string
  locale: Generated<string>
  password_hash: string
  email_verified_at: Date | null
  totp_secret: string | null
  totp_enrolled_at: Date | null
  totp_last_step: number | null
  failed_logins: Generated<number>
  locked_until: Date | null
  disabled_at: Date | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface UserRolesTable {
  user_id: string
  role: string
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
  ip: string | null
  user_agent: string | null
}

export interface IdentityTables {
  users: UsersTable
  user_roles: UserRolesTable
  user_missions: UserMissionsTable
  sessions: SessionsTable
  auth_throttle: AuthThrottleTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>

export interface AuthThrottleTable {
  key: string
  window_start: Date
  failures: number
}
