import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { insertCertificate, insertRecovery, insertTest } from './certificate.repository.ts'
import {
  RECOVERY_VALID_FROM_DAYS,
  RECOVERY_VALID_UNTIL_DAYS,
  TEST_NOT_DETECTED,
  TEST_VALIDITY_HOURS,
} from './health.enums.ts'
import { healthError } from './health.errors.ts'
import type { RecoveryBody, TestBody } from './health.schema.ts'
import { type Issued, newUvci, recoveryPayload, signPayload, testPayload } from './issue.ts'
import { activeSigner } from './signer.ts'
import { certificateHolder, clinicianSite } from './subject.ts'

const DAY_MS = 24 * 3600 * 1000
const today = () => new Date().toISOString().slice(0, 10)
/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

async function storeCertificate(
  trx: Db,
  row: { personId: string; type: 't' | 'r'; testId?: string; recoveryId?: string },
  certificateId: string,
  issued: Issued,
  kid: string,
) {
  await insertCertificate(trx, {
    id: certificateId,
    person_id: row.personId,
    dose_id: null,
    test_id: row.testId ?? null,
    recovery_id: row.recoveryId ?? null,
    uvci: issued.uvci,
    type: row.type,
    kid,
    qr: issued.qr,
    issued_at: issued.issuedAt,
    expires_at: issued.expiresAt,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  })
}

/**
 * A clinician enters a test taken at their site's testing centre; a negative result yields a test
 * certificate (`t`), a positive one is refused (no certificate, nothing written). Its CWT `exp` is
 * the sample time plus TEST_VALIDITY_HOURS (72 h NAAT, 24 h rapid antigen), not a year: the
 * certificate proves a result at a moment, and an offline verifier has only `exp` to go by.
 */
export async function recordTest(ctx: AppContext, principal: Principal, body: TestBody, ip: string | null) {
  const site = await clinicianSite(ctx, principal, body.siteId)
  const sampledAt = new Date(body.sampledAt)
  if (sampledAt.getTime() > Date.now())
    throw healthError('health.test_in_future', 'A test cannot be recorded before its sample is taken')
  if (body.result !== TEST_NOT_DETECTED)
    throw healthError('health.test_positive', 'A positive test does not yield a test certificate')
  const hours = TEST_VALIDITY_HOURS[body.type]
  const validUntil = new Date(sampledAt.getTime() + hours * 3600 * 1000)
  if (validUntil.getTime() <= Date.now())
    throw healthError(
      'health.test_expired',
      `A test certificate is valid ${hours} hours from the sample: this one would be born expired`,
    )
  const holder = await certificateHolder(ctx, body.personId)
  const signer = await activeSigner(ctx)
  const testId = uuidv7()
  const certificateId = uuidv7()
  const uvci = newUvci()
  const issued = signPayload(
    testPayload(
      {
        ...holder,
        type: body.type,
        name: body.name,
        manufacturer: body.manufacturer,
        sampledAt: sampledAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        result: body.result,
        centre: body.centre,
        country: site.country,
      },
      uvci,
    ),
    uvci,
    signer,
    new Date(),
    validUntil,
  )
  await ctx.db.transaction().execute(async (trx) => {
    await insertTest(trx, {
      id: testId,
      person_id: body.personId,
      test_type: body.type,
      test_name: body.name ?? null,
      manufacturer: body.manufacturer ?? null,
      sampled_at: sampledAt,
      result: body.result,
      centre: body.centre,
      site_id: site.id,
      recorded_by: principal.userId,
    })
    await storeCertificate(
      trx,
      { personId: body.personId, type: 't', testId },
      certificateId,
      issued,
      signer.kid,
    )
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.test_recorded',
      subjectType: 'person',
      subjectId: body.personId,
      ip,
      details: { testId, certificateId, siteId: site.id, type: body.type },
    })
  })
  return { id: testId, certificateId }
}

/**
 * A clinician enters a recovery (the first positive test and the validity asked for); it yields a
 * recovery certificate (`r`) valid from at least 11 days to at most 180 days after the positive test.
 */
export async function recordRecovery(
  ctx: AppContext,
  principal: Principal,
  body: RecoveryBody,
  ip: string | null,
) {
  const site = await clinicianSite(ctx, principal, body.siteId)
  if (body.firstPositive > today())
    throw healthError('health.positive_in_future', 'The first positive test cannot be in the future')
  if (body.validUntil < body.validFrom)
    throw healthError('health.recovery_dates_order', 'The validity ends before it starts')
  if (body.validFrom < addDays(body.firstPositive, RECOVERY_VALID_FROM_DAYS))
    throw healthError(
      'health.recovery_too_early',
      `A recovery certificate is valid from ${RECOVERY_VALID_FROM_DAYS} days after the first positive test`,
    )
  if (body.validUntil > addDays(body.firstPositive, RECOVERY_VALID_UNTIL_DAYS))
    throw healthError(
      'health.recovery_too_late',
      `A recovery certificate is valid at most ${RECOVERY_VALID_UNTIL_DAYS} days after the first positive test`,
    )
  if (body.validUntil < today())
    throw healthError('health.recovery_expired', 'The validity asked for has already ended')
  const holder = await certificateHolder(ctx, body.personId)
  const signer = await activeSigner(ctx)
  const recoveryId = uuidv7()
  const certificateId = uuidv7()
  const uvci = newUvci()
  const issued = signPayload(
    recoveryPayload(
      {
        ...holder,
        firstPositive: body.firstPositive,
        validFrom: body.validFrom,
        validUntil: body.validUntil,
        country: site.country,
      },
      uvci,
    ),
    uvci,
    signer,
    new Date(),
    new Date(Date.parse(`${addDays(body.validUntil, 1)}T00:00:00Z`)),
  )
  await ctx.db.transaction().execute(async (trx) => {
    await insertRecovery(trx, {
      id: recoveryId,
      person_id: body.personId,
      first_positive: body.firstPositive,
      valid_from: body.validFrom,
      valid_until: body.validUntil,
      site_id: site.id,
      recorded_by: principal.userId,
    })
    await storeCertificate(
      trx,
      { personId: body.personId, type: 'r', recoveryId },
      certificateId,
      issued,
      signer.kid,
    )
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.recovery_recorded',
      subjectType: 'person',
      subjectId: body.personId,
      ip,
      details: { recoveryId, certificateId, siteId: site.id },
    })
  })
  return { id: recoveryId, certificateId }
}
