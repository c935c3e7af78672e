import type { Insertable } from 'kysely'
import type { Db } from '../../database.ts'
import type {
  HealthCertificatesTable,
  HealthDosesTable,
  HealthRecoveriesTable,
  HealthTestsTable,
} from './health.table.ts'

export async function insertDose(db: Db, row: Insertable<HealthDosesTable>): Promise<void> {
  await db.insertInto('health_doses').values(row).execute()
}

export async function insertTest(db: Db, row: Insertable<HealthTestsTable>): Promise<void> {
  await db.insertInto('health_tests').values(row).execute()
}

export async function insertRecovery(db: Db, row: Insertable<HealthRecoveriesTable>): Promise<void> {
  await db.insertInto('health_recoveries').values(row).execute()
}

export async function insertCertificate(db: Db, row: Insertable<HealthCertificatesTable>): Promise<void> {
  await db.insertInto('health_certificates').values(row).execute()
}

export function certificatesOf(db: Db, personId: string) {
  return db
    .selectFrom('health_certificates')
    .select(['id', 'uvci', 'type', 'qr', 'issued_at', 'expires_at', 'revoked_at'])
    .where('person_id', '=', personId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export function findCertificate(db: Db, id: string) {
  return db
    .selectFrom('health_certificates')
    .select([
      'id',
      'person_id',
      'uvci',
      'type',
      'qr',
      'kid',
      'issued_at',
      'expires_at',
      'revoked_at',
      'revoke_reason',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Marks a certificate revoked; false when it was revoked already. */
export async function markRevoked(
  db: Db,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('health_certificates')
    .set({ revoked_at: at, revoked_by: by, revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export function revokedCertificates(db: Db) {
  return db
    .selectFrom('health_certificates')
    .select(['kid', 'uvci', 'expires_at'])
    .where('revoked_at', 'is not', null)
    .orderBy('kid')
    .orderBy('uvci')
    .execute()
}

export function doseOfCertificate(db: Db, certificateId: string) {
  return db
    .selectFrom('health_certificates as c')
    .innerJoin('health_doses as d', 'd.id', 'c.dose_id')
    .innerJoin('health_sites as s', 's.id', 'd.site_id')
    .select([
      'd.product',
      'd.manufacturer',
      'd.lot',
      'd.dose_number',
      'd.series_doses',
      'd.date',
      's.name_zh as site_zh',
      's.name_en as site_en',
    ])
    .where('c.id', '=', certificateId)
    .executeTakeFirst()
}

export function testOfCertificate(db: Db, certificateId: string) {
  return db
    .selectFrom('health_certificates as c')
    .innerJoin('health_tests as t', 't.id', 'c.test_id')
    .innerJoin('health_sites as s', 's.id', 't.site_id')
    .select([
      't.test_type',
      't.test_name',
      't.manufacturer',
      't.sampled_at',
      't.result',
      't.centre',
      's.name_zh as site_zh',
      's.name_en as site_en',
    ])
    .where('c.id', '=', certificateId)
    .executeTakeFirst()
}

export function recoveryOfCertificate(db: Db, certificateId: string) {
  return db
    .selectFrom('health_certificates as c')
    .innerJoin('health_recoveries as r', 'r.id', 'c.recovery_id')
    .select(['r.first_positive', 'r.valid_from', 'r.valid_until'])
    .where('c.id', '=', certificateId)
    .executeTakeFirst()
}
