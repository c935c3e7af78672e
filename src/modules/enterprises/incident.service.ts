import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { openSiteCase, recordSiteContact } from '../cases/index.ts'
import { requireMember } from './enterprise.service.ts'
import { SEVERE_INCIDENTS } from './enterprises.enums.ts'
import { siteNotFound } from './enterprises.errors.ts'
import { insertIncident } from './incident.repository.ts'
import type { IncidentBody } from './incident.schema.ts'
import { siteOrigin } from './site.origin.ts'
import { findSiteRow } from './site.repository.ts'

const KIND_TEXT: Record<IncidentBody['kind'], string> = {
  attack: 'Attack',
  kidnapping: 'Kidnapping',
  robbery: 'Robbery',
  unrest: 'Unrest near the site',
  accident: 'Accident',
  strike: 'Strike',
  other: 'Incident',
}

/**
 * An incident at a site reaches the hotline as a contact; a severe kind (kidnapping, attack,
 * unrest) also opens a case linked to the site, with that contact on it. One transaction.
 */
export async function reportIncident(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  body: IncidentBody,
  ip: string,
) {
  await requireMember(ctx.db, principal, enterpriseId)
  const site = await findSiteRow(ctx.db, body.siteId)
  if (!site || site.enterprise_id !== enterpriseId) throw siteNotFound()
  const origin = siteOrigin(site, principal.userId)
  const caseType = SEVERE_INCIDENTS[body.kind]
  const summary = `${KIND_TEXT[body.kind]} at ${site.name} (${site.enterprise_name}): ${body.summary}`
  const id = uuidv7()
  return ctx.db.transaction().execute(async (trx) => {
    const { contactId } = await recordSiteContact(trx, origin, {
      summary,
      priority: caseType ? 'P1' : 'P2',
      about: { type: 'enterprise_incident', id },
    })
    const opened = caseType
      ? await openSiteCase(ctx, trx, origin, {
          type: caseType,
          summary,
          contactId,
          details: { incident: id },
        })
      : undefined
    await insertIncident(trx, {
      id,
      enterprise_id: enterpriseId,
      site_id: site.id,
      kind: body.kind,
      summary: body.summary,
      contact_id: contactId,
      case_id: opened?.caseId ?? null,
      reported_by: principal.userId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.incident',
      subjectType: 'enterprise_site',
      subjectId: site.id,
      ip,
      details: { kind: body.kind, contactId, caseId: opened?.caseId ?? null },
    })
    return { id, contactId, ...(opened ? { caseId: opened.caseId } : {}) }
  })
}
