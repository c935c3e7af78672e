import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { openReferredCase } from '../cases/index.ts'
import type { AdverseEventBody, MyDose } from './campaign.schema.ts'
import { nextDoseDue } from './day.service.ts'
import { dosesOfPerson, findDoseWithSite } from './dose.repository.ts'
import { PRODUCTS, type Product } from './health.enums.ts'
import { healthError } from './health.errors.ts'
import { siteOfClinician } from './site.repository.ts'

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10))

export async function myDoses(ctx: AppContext, userId: string): Promise<MyDose[]> {
  return (await dosesOfPerson(ctx.db, userId)).map((d) => {
    const date = dateText(d.date)
    return {
      id: d.id,
      product: d.product,
      lot: d.lot,
      doseNumber: d.dose_number,
      seriesDoses: d.series_doses,
      date,
      siteId: d.site_id,
      nextDoseDue: nextDoseDue({ ...d, date }),
    }
  })
}

type Reporter = 'citizen' | 'clinician'

async function report(
  ctx: AppContext,
  principal: Principal,
  reporter: Reporter,
  dose: NonNullable<Awaited<ReturnType<typeof findDoseWithSite>>>,
  body: AdverseEventBody,
  ip: string,
) {
  const id = uuidv7()
  const name = PRODUCTS[dose.product as Product]?.name ?? dose.product
  return ctx.db.transaction().execute(async (trx) => {
    let caseId: string | null = null
    if (body.severity === 'serious' && dose.mission_code) {
      const opened = await openReferredCase(ctx, trx, {
        type: 'medical',
        summary: `Serious adverse event after ${name} (lot ${dose.lot}, ${dateText(dose.date)}): ${body.description}`,
        personId: dose.person_id,
        missionCode: dose.mission_code,
        country: dose.country,
        reporterId: principal.userId,
        about: { type: 'adverse_event', id },
      })
      caseId = opened.caseId
    }
    await trx
      .insertInto('health_adverse_events')
      .values({
        id,
        dose_id: dose.id,
        person_id: dose.person_id,
        severity: body.severity,
        description: body.description,
        reported_by: principal.userId,
        reporter,
        case_id: caseId,
      })
      .execute()
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.adverse_event',
      subjectType: 'person',
      subjectId: dose.person_id,
      ip,
      details: { adverseEventId: id, doseId: dose.id, severity: body.severity, reporter, caseId },
    })
    return { id, caseId }
  })
}

/** The citizen reports an adverse event after one of their doses; a serious one opens a medical case. */
export async function reportMyAdverseEvent(
  ctx: AppContext,
  principal: Principal,
  body: AdverseEventBody,
  ip: string,
) {
  const dose = await findDoseWithSite(ctx.db, body.doseId)
  if (!dose || dose.person_id !== principal.userId)
    throw healthError('health.dose_not_found', 'No such dose of yours')
  return report(ctx, principal, 'citizen', dose, body, ip)
}

/** A clinician reports an adverse event after a dose given at their site. */
export async function reportSiteAdverseEvent(
  ctx: AppContext,
  principal: Principal,
  body: AdverseEventBody,
  ip: string,
) {
  const site = await siteOfClinician(ctx.db, principal.userId)
  if (!site) throw healthError('health.no_site', 'Your account is not assigned to a vaccination site')
  const dose = await findDoseWithSite(ctx.db, body.doseId)
  if (!dose || dose.site_id !== site.id)
    throw healthError('health.dose_not_found', 'No such dose at your site')
  return report(ctx, principal, 'clinician', dose, body, ip)
}
