import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { approvesAlerts, visibleCountries } from '../identity/index.ts'
import { alpha2Codes } from '../reference/index.ts'
import { areaShapes } from './alert.area.ts'
import { alertWindow, areaGeometrySql, countReach, countriesConcerned } from './alert.audience.ts'
import { effectiveWindow, headlineOf, highestSeverity } from './alert.derive.ts'
import {
  findAlertRow,
  findByTriplet,
  insertAlert,
  insertReferences,
  linkThread,
  listAlertRows,
  setCountriesAndReach,
} from './alert.repository.ts'
import type { AlertDetail, AlertOrigin, AlertStatus, CreateAlertBody } from './alert.schema.ts'
import { toDetail, toSummary } from './alert.view.ts'
import { alertError, alertNotFound } from './alerts.errors.ts'
import { type CapAlert, capAlert } from './cap/cap.model.ts'

/** The sender we write on alerts composed here. */
export const OUR_SENDER = 'lingshi@consular.mfa'

export interface Created {
  readonly created: boolean
  readonly alert: AlertDetail
}

/** No principal is the system itself (a feed), which needs no approval. */
export function isDuty(principal: Principal | null): boolean {
  return !principal || approvesAlerts(principal)
}

/**
 * Officers see and draft alerts for the countries their missions cover; duty officers
 * everywhere; the hotline reads every alert (it works the unanswered lists) but drafts none.
 */
export function scopeCountries(ctx: AppContext, principal: Principal): Promise<string[] | null> {
  return visibleCountries(ctx.db, principal)
}

/** Fills in what the console may leave out and checks the result as CAP. */
function completeCap(body: CreateAlertBody): CapAlert {
  const { safetyCheck: _, ...rest } = body
  const sent = rest.sent ?? new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00')
  const parsed = capAlert.safeParse({
    ...rest,
    identifier: rest.identifier ?? `lingshi-${uuidv7()}`,
    sender: rest.sender ?? OUR_SENDER,
    sent,
  })
  if (!parsed.success) throw alertError('alert.invalid', parsed.error.issues.map((i) => i.message).join('; '))
  return parsed.data
}

/**
 * Stores an alert as a draft (or as expired when it is already past `expires`), with its area
 * placed, its thread linked and its reach counted. A message we already hold (same sender,
 * identifier and sent) returns the alert we have instead.
 */
export async function createAlert(
  ctx: AppContext,
  principal: Principal | null,
  input: { cap: CapAlert; safetyCheck: boolean; origin: AlertOrigin },
): Promise<Created> {
  const cap = input.cap
  const shapes = areaShapes(cap.info.flatMap((i) => i.area))
  const held = await findByTriplet(ctx.db, cap.sender, cap.identifier, new Date(cap.sent))
  if (held) return { created: false, alert: await getAlert(ctx, principal, held) }

  const { effective, expires } = effectiveWindow(cap)
  const id = uuidv7()
  const scope = principal ? await scopeCountries(ctx, principal) : null
  await ctx.db.transaction().execute(async (trx) => {
    const geocodeCountries = await alpha2Codes(trx, shapes.isoCountries)
    await insertAlert(
      trx,
      {
        id,
        identifier: cap.identifier,
        sender: cap.sender,
        sent: new Date(cap.sent),
        cap_status: cap.status,
        msg_type: cap.msgType,
        scope: cap.scope,
        status: expires && expires.getTime() <= Date.now() ? 'expired' : 'draft',
        origin: input.origin,
        cap,
        safety_check: input.safetyCheck && cap.msgType !== 'Cancel',
        event: cap.info[0]?.event ?? cap.msgType,
        severity: highestSeverity(cap),
        headline: headlineOf(cap).slice(0, 500),
        effective_at: effective,
        expires_at: expires,
        geocode_countries: geocodeCountries,
        unplaced: [...shapes.unplacedDescs, ...shapes.subdivisions.map((s) => `ISO 3166-2 ${s}`)],
        created_by: principal?.userId ?? null,
      },
      areaGeometrySql(shapes),
    )
    const countries = await countriesConcerned(trx, id)
    if (scope && countries.some((c) => !scope.includes(c)))
      throw alertError(
        'alert.outside_jurisdiction',
        `The area reaches ${countries.filter((c) => !scope.includes(c)).join(', ')}, outside your missions' districts`,
      )
    await setCountriesAndReach(trx, id, countries, null)
    await setCountriesAndReach(trx, id, countries, await countReach(trx, id, alertWindow(effective, expires)))
    await insertReferences(trx, id, cap.references)
    await linkThread(trx, id)
    await recordAudit(trx, {
      actorId: principal?.userId ?? null,
      actorRoles: principal?.roles ?? [],
      action: 'alert.created',
      subjectType: 'alert',
      subjectId: id,
      details: { origin: input.origin, identifier: cap.identifier, sender: cap.sender, msgType: cap.msgType },
    })
  })
  return { created: true, alert: await getAlert(ctx, principal, id) }
}

export async function createFromJson(ctx: AppContext, principal: Principal, body: CreateAlertBody) {
  const origin: AlertOrigin = body.identifier ? 'api' : 'console'
  return createAlert(ctx, principal, { cap: completeCap(body), safetyCheck: body.safetyCheck, origin })
}

/** The alert, if the member of staff may see it (officers: alerts touching their missions' countries). */
export async function getAlert(
  ctx: AppContext,
  principal: Principal | null,
  id: string,
): Promise<AlertDetail> {
  const row = await findAlertRow(ctx.db, id)
  if (!row) throw alertNotFound(id)
  const scope = principal ? await scopeCountries(ctx, principal) : null
  if (scope && row.created_by !== principal?.userId && !row.countries.some((c) => scope.includes(c)))
    throw alertNotFound(id)
  return toDetail(ctx.db, row)
}

export async function listAlerts(
  ctx: AppContext,
  principal: Principal,
  query: { status?: AlertStatus; country?: string; before?: string; limit: number },
) {
  const scope = await scopeCountries(ctx, principal)
  const rows = await listAlertRows(ctx.db, {
    ...query,
    limit: query.limit + 1,
    countriesIn: scope ?? undefined,
  })
  const page = rows.slice(0, query.limit)
  return { items: page.map(toSummary), next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null }
}

/** Counts the reach again (people move): before sending, the console shows today's figure. */
export async function recountReach(ctx: AppContext, principal: Principal, id: string): Promise<AlertDetail> {
  const alert = await getAlert(ctx, principal, id)
  const window = alertWindow(new Date(alert.effectiveAt), alert.expiresAt ? new Date(alert.expiresAt) : null)
  const reach = await countReach(ctx.db, id, window)
  await setCountriesAndReach(ctx.db, id, alert.countries, reach)
  return getAlert(ctx, principal, id)
}
