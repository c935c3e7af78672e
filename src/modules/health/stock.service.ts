import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { EXPIRY_WARNING_DAYS, LOW_STOCK_DOSES, type StockFlag } from './campaign.enums.ts'
import type { StockBody, StockLot, TransferBody, WasteBody } from './campaign.schema.ts'
import { healthError } from './health.errors.ts'
import { addDays } from './record.service.ts'
import { addLots, findSite, siteOfClinician } from './site.repository.ts'
import { insertMovement, type LotBalance, lockLot, lotBalances, lotExpiry } from './stock.repository.ts'

const today = () => new Date().toISOString().slice(0, 10)
const dateText = (d: unknown) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : d === null ? null : String(d)

/** A site's stock is kept by its own clinicians and the administrators; another site is not found. */
export async function stockSite(ctx: AppContext, principal: Principal, siteId: string) {
  if (principal.roles.includes('admin')) {
    const site = await findSite(ctx.db, siteId)
    if (site) return site
  } else {
    const site = await siteOfClinician(ctx.db, principal.userId)
    if (site?.id === siteId) return site
  }
  throw healthError('health.site_not_found', 'No such vaccination site of yours')
}

function toLot(b: LotBalance, day: string): StockLot {
  const expiresOn = dateText(b.expires_on)
  const left = b.received + b.transferred_in - b.transferred_out - b.wasted - b.used
  const flags: StockFlag[] = []
  if (left <= LOW_STOCK_DOSES && b.received + b.transferred_in > 0) flags.push('low_stock')
  if (expiresOn !== null && expiresOn < day) flags.push('expired')
  else if (expiresOn !== null && expiresOn <= addDays(day, EXPIRY_WARNING_DAYS)) flags.push('expiring')
  return {
    product: b.product,
    lot: b.lot,
    expiresOn,
    received: b.received,
    used: b.used,
    wasted: b.wasted,
    transferredIn: b.transferred_in,
    transferredOut: b.transferred_out,
    left,
    flags,
  }
}

export async function siteStock(ctx: AppContext, principal: Principal, siteId: string): Promise<StockLot[]> {
  await stockSite(ctx, principal, siteId)
  const day = today()
  return (await lotBalances(ctx.db, siteId)).map((b) => toLot(b, day))
}

async function leftOf(db: Db, siteId: string, product: string, lot: string): Promise<number> {
  const [b] = await lotBalances(db, siteId, { product, lot })
  if (!b || b.received + b.transferred_in === 0)
    throw healthError('health.lot_not_held', `The site holds no lot ${lot} of ${product}`)
  return b.received + b.transferred_in - b.transferred_out - b.wasted - b.used
}

async function audit(
  db: Db,
  principal: Principal,
  action: string,
  siteId: string,
  details: object,
  ip: string,
) {
  await recordAudit(db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action,
    subjectType: 'health_site',
    subjectId: siteId,
    ip,
    details: details as Record<string, unknown>,
  })
}

/** Doses of a lot received at the site; the lot becomes one the site holds (doses with it are known). */
export async function receiveStock(
  ctx: AppContext,
  principal: Principal,
  siteId: string,
  body: StockBody,
  ip: string,
) {
  await stockSite(ctx, principal, siteId)
  if (body.expiresOn < today()) throw healthError('health.lot_expired', 'This lot has expired already')
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    const held = await lotExpiry(trx, siteId, body.product, body.lot)
    await insertMovement(trx, {
      id,
      site_id: siteId,
      product: body.product,
      lot: body.lot,
      kind: 'received',
      doses: body.doses,
      expires_on: dateText(held) ?? body.expiresOn,
      reason: null,
      other_site_id: null,
      recorded_by: principal.userId,
    })
    await addLots(trx, [{ site_id: siteId, product: body.product, lot: body.lot }])
    await audit(trx, principal, 'health.stock_received', siteId, { ...body }, ip)
  })
  return { id }
}

export async function wasteStock(
  ctx: AppContext,
  principal: Principal,
  siteId: string,
  body: WasteBody,
  ip: string,
) {
  await stockSite(ctx, principal, siteId)
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    await lockLot(trx, siteId, body.product, body.lot)
    if ((await leftOf(trx, siteId, body.product, body.lot)) < body.doses)
      throw healthError('health.not_enough_stock', 'Fewer doses left in this lot than that')
    await insertMovement(trx, {
      id,
      site_id: siteId,
      product: body.product,
      lot: body.lot,
      kind: 'wasted',
      doses: body.doses,
      reason: body.reason,
      other_site_id: null,
      recorded_by: principal.userId,
    })
    await audit(trx, principal, 'health.stock_wasted', siteId, { ...body }, ip)
  })
  return { id }
}

/** Doses of a lot sent to another site: out here, in there, with the lot's expiry. */
export async function transferStock(
  ctx: AppContext,
  principal: Principal,
  siteId: string,
  body: TransferBody,
  ip: string,
) {
  await stockSite(ctx, principal, siteId)
  if (body.toSiteId === siteId) throw healthError('health.same_site', 'A transfer goes to another site')
  if (!(await findSite(ctx.db, body.toSiteId)))
    throw healthError('health.unknown_site', 'The receiving site does not exist')
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    await lockLot(trx, siteId, body.product, body.lot)
    if ((await leftOf(trx, siteId, body.product, body.lot)) < body.doses)
      throw healthError('health.not_enough_stock', 'Fewer doses left in this lot than that')
    const expiresOn = dateText(await lotExpiry(trx, siteId, body.product, body.lot))
    const common = { product: body.product, lot: body.lot, doses: body.doses, reason: null }
    await insertMovement(trx, {
      ...common,
      id,
      site_id: siteId,
      kind: 'transfer_out',
      expires_on: expiresOn,
      other_site_id: body.toSiteId,
      recorded_by: principal.userId,
    })
    await insertMovement(trx, {
      ...common,
      id: uuidv7(),
      site_id: body.toSiteId,
      kind: 'transfer_in',
      expires_on: expiresOn,
      other_site_id: siteId,
      recorded_by: principal.userId,
    })
    await addLots(trx, [{ site_id: body.toSiteId, product: body.product, lot: body.lot }])
    await audit(trx, principal, 'health.stock_transferred', siteId, { ...body }, ip)
  })
  return { id }
}
