import type { Kysely, Transaction } from 'kysely'
import type { AdvisoryTables } from './modules/advisories/advisories.table.ts'
import type { AlertTables } from './modules/alerts/alerts.table.ts'
import type { ApplicationTables } from './modules/applications/applications.table.ts'
import type { AppointmentTables } from './modules/appointments/appointments.table.ts'
import type { CaseTables } from './modules/cases/cases.table.ts'
import type { CrisisTables } from './modules/cases/crisis/crisis.table.ts'
import type { HealthTables } from './modules/health/health.table.ts'
import type { IdentityTables } from './modules/identity/identity.table.ts'
import type { NotificationTables } from './modules/notifications/notifications.table.ts'
import type { ReferenceTables } from './modules/reference/reference.table.ts'
import type { RegistrationTables } from './modules/registrations/registrations.table.ts'
import type { AuditLogTable } from './platform/audit/audit.table.ts'

/** The one Database type, assembled from each module's tables. */
export interface Database
  extends IdentityTables,
    AlertTables,
    ReferenceTables,
    RegistrationTables,
    NotificationTables,
    AdvisoryTables,
    CaseTables,
    CrisisTables,
    ApplicationTables,
    HealthTables,
    AppointmentTables {
  audit_log: AuditLogTable
}

/** What repositories take: the database or a transaction on it, so the caller decides where a transaction starts. */
export type Db = Kysely<Database> | Transaction<Database>
