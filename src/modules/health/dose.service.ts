import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { insertCertificate, insertDose } from './certificate.repository.ts'
import { healthError } from './health.errors.ts'
import type { DoseBody } from './health.schema.ts'
import { newUvci, signPayload, vaccinationPayload } from './issue.ts'
import { activeSigner } from './signer.ts'
import { lotKnown } from './site.repository.ts'
import { certificateHolder, clinicianSite } from './subject.ts'

/**
 * A clinician records a dose at their site; each dose yields a certificate (dose n of m), as EU
 * issuers do. Neither eligibility nor where the person is registered limits it; a lot the site does
 * not hold is recorded and flagged. Everything is checked before anything is written.
 */
export async function recordDose(ctx: AppContext, principal: Principal, body: DoseBody, ip: string | null) {
  const site = await clinicianSite(ctx, principal, body.siteId)
  if (body.date > new Date().toISOString().slice(0, 10))
    throw healthError('health.dose_in_future', 'A dose cannot be recorded before it is given')
  const names = await certificateHolder(ctx, body.personId)
  const signer = await activeSigner(ctx)
  const known = await lotKnown(ctx.db, site.id, body.product, body.lot)
  const doseId = uuidv7()
  const certificateId = uuidv7()
  const uvci = newUvci()
  const issued = signPayload(
    vaccinationPayload(
      {
        surname: names.surname,
        givenNames: names.givenNames,
        dateOfBirth: names.dateOfBirth,
        product: body.product,
        manufacturer: body.manufacturer,
        doseNumber: body.doseNumber,
        seriesDoses: body.seriesDoses,
        date: body.date,
        country: site.country,
      },
      uvci,
    ),
    uvci,
    signer,
  )
  await ctx.db.transaction().execute(async (trx) => {
    await insertDose(trx, {
      id: doseId,
      person_id: body.personId,
      kind: 'v',
      product: body.product,
      manufacturer: body.manufacturer,
      lot: body.lot,
      lot_known: known,
      dose_number: body.doseNumber,
      series_doses: body.seriesDoses,
      date: body.date,
      site_id: site.id,
      recorded_by: principal.userId,
    })
    await insertCertificate(trx, {
      id: certificateId,
      person_id: body.personId,
      dose_id: doseId,
      uvci: issued.uvci,
      type: 'v',
      kid: signer.kid,
      qr: issued.qr,
      issued_at: issued.issuedAt,
      expires_at: issued.expiresAt,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.dose_recorded',
      subjectType: 'person',
      subjectId: body.personId,
      ip,
      details: { doseId, certificateId, siteId: site.id, product: body.product, lotKnown: known },
    })
  })
  return { id: doseId, certificateId, lotKnown: known }
}
