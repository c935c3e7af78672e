export { forgotPasswordJob, loginCodeJob } from './account.jobs.ts'
export {
  type AccountColumns,
  accountsSql,
  deleteAccount,
  exportAccount,
  hasVerifiedContact,
  lockAccount,
  setAccountLocale,
} from './account.repository.ts'
export { accountRoutes } from './account.routes.ts'
export { authRoutes } from './auth.routes.ts'
export { resolveSession } from './auth.service.ts'
export {
  accountIdsByEmail,
  emailTaken,
  insertCitizens,
  type NewCitizen,
  vacuumCitizens,
} from './citizen-bulk.repository.ts'
export {
  ACCESS,
  allowedBy,
  approvesAlerts,
  isStaff,
  ROLES,
  type Role,
  SIGNED_IN,
  STAFF_ROLES,
  seesEveryMission,
  seesNeedToKnow,
} from './role.ts'
export { visibleCountries } from './scope.ts'
export { endAllSessions } from './session.end-all.ts'
export { clearSessionCookie, SESSION_COOKIE } from './session-cookie.ts'
export { purgeExpiredSessions, sessionPurgeJob, sessionPurgeJobType } from './session-purge.job.ts'
export { findStaff, type StaffMember, staffWithRoleSql } from './staff.ts'
export { userRoutes } from './user.routes.ts'
export { type CreateAccountOptions, changeAccess, createAccount } from './user.service.ts'
