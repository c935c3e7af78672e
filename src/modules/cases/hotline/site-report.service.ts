import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Database } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { insertCase } from '../case/case.repository.ts'
import { addEvent } from '../case/case-event.repository.ts'
import { BASE_PRIORITY, type CaseType, NEED_TO_KNOW_TYPES, type Priority } from '../case/case-types.ts'
import { scheduleSla } from '../case/sla.job.ts'
import { dueAfter } from '../case/sla.ts'
import { place } from '../placement.ts'
import { insertContact, linkContact } from './contact.repository.ts'

/** An enterprise site something is reported from: where it is and who speaks for it. */
export interface SiteOrigin {
  readonly siteId: string
  readonly enterpriseId: string
  /** "Enterprise — site", shown as the caller. */
  readonly label: string
  readonly country: string
  readonly lat: number
  readonly lon: number
  /** The site's security officer's phone, for the hotline to call back. */
  readonly phone: string | null
  /** The enterprise member who reported it. */
  readonly reporterId: string
}

/**
 * An enterprise's report from a site arrives at the hotline as an app contact, placed at the site
 * (its mission from the consular districts). Written in the caller's transaction.
 */
export async function recordSiteContact(
  trx: Transaction<Database>,
  origin: SiteOrigin,
  report: { summary: string; priority: Priority; about: { type: string; id: string } },
): Promise<{ contactId: string }> {
  const placement = await place(trx, { lat: origin.lat, lon: origin.lon, country: origin.country })
  const id = uuidv7()
  await insertContact(trx, {
    id,
    received_at: new Date(),
    kind: 'contact',
    channel: 'app',
    priority: report.priority,
    caller_phone: origin.phone,
    caller_name: origin.label,
    person_id: null,
    summary: report.summary,
    lat: origin.lat,
    lon: origin.lon,
    location_source: 'given',
    country: placement.country ?? origin.country,
    mission_code: placement.missionCode,
    case_id: null,
    taken_by: null,
  })
  await recordAudit(trx, {
    actorId: origin.reporterId,
    action: 'site.report',
    subjectType: 'contact',
    subjectId: id,
    details: { about: report.about, siteId: origin.siteId, enterpriseId: origin.enterpriseId },
  })
  return { contactId: id }
}

/**
 * Opens a case for something at an enterprise site (a missing person in a headcount, a severe
 * incident): the case carries the site and the enterprise, is placed at the site, starts its
 * first-response timer, and takes the report's contact when there is one. Same transaction as the
 * report, so a refused report leaves no case.
 */
export async function openSiteCase(
  ctx: AppContext,
  trx: Transaction<Database>,
  origin: SiteOrigin,
  c: {
    type: CaseType
    summary: string
    contactId?: string
    details?: Record<string, unknown>
  },
): Promise<{ caseId: string }> {
  const placement = await place(trx, { lat: origin.lat, lon: origin.lon, country: origin.country })
  const id = uuidv7()
  const now = new Date()
  const priority = BASE_PRIORITY[c.type]
  const due = dueAfter(now, priority, 'firstResponse')
  await insertCase(trx, {
    id,
    type: c.type,
    priority,
    summary: c.summary,
    country: placement.country ?? origin.country,
    lat: origin.lat,
    lon: origin.lon,
    mission_code: placement.missionCode,
    need_to_know: NEED_TO_KNOW_TYPES.has(c.type),
    answers: {},
    created_by: origin.reporterId,
    created_at: now,
    first_response_due: due,
    site_id: origin.siteId,
    enterprise_id: origin.enterpriseId,
  })
  await addEvent(trx, {
    caseId: id,
    kind: 'created',
    actorId: origin.reporterId,
    at: now,
    note: c.summary,
    details: {
      type: c.type,
      priority,
      mission: placement.missionCode,
      siteId: origin.siteId,
      enterpriseId: origin.enterpriseId,
      ...c.details,
    },
  })
  if (c.contactId) await linkContact(trx, c.contactId, id, placement.missionCode)
  await scheduleSla(ctx, trx, id, 'firstResponse', due)
  await recordAudit(trx, {
    actorId: origin.reporterId,
    action: 'case.create',
    subjectType: 'case',
    subjectId: id,
    details: { type: c.type, priority, siteId: origin.siteId, enterpriseId: origin.enterpriseId },
  })
  return { caseId: id }
}
