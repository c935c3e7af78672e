import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { areaInCountry } from '../reference/index.ts'
import { advisoryError } from './advisories.errors.ts'
import type { AdviceText } from './advisories.table.ts'
import { assertCountry, assertMayDraft } from './advisory.scope.ts'
import { levelInfo, peerEquivalents } from './levels.ts'
import { notifyRegionChange } from './region.notify.ts'
import {
  areaProblem,
  currentRegionRows,
  insertRetirement,
  lockRegion,
  markRegionPublished,
  nextRegionVersion,
  type RegionRow,
  regionDraftRow,
  regionHistoryRows,
  upsertRegionDraft,
} from './region.repository.ts'
import { type RegionDraftBody, subdivisionCode } from './region.schema.ts'

const iso = (d: Date | string | null) => new Date(d ?? 0).toISOString()

function toRegionSummary(r: RegionRow) {
  const info = levelInfo(r.level)
  return {
    id: r.region_key,
    code: subdivisionCode(r.region_key),
    name: { 'zh-CN': r.name_zh, en: r.name_en },
    level: r.level,
    label: { ...info.label },
    peers: peerEquivalents(r.level),
    summary: { 'zh-CN': r.summary_zh, en: r.summary_en },
    version: r.version ?? 0,
    updatedAt: iso(r.published_at),
  }
}

/** The regions of a country with a published advisory in force. */
export async function listRegions(ctx: AppContext, country: string) {
  return (await currentRegionRows(ctx.db, country)).filter((r) => !r.retired).map(toRegionSummary)
}

/** A subdivision code names its own country: `TH-90` is no region of Japan. */
function assertKeyFits(country: string, key: string): void {
  const code = subdivisionCode(key)
  if (code && !code.startsWith(`${country}-`))
    throw advisoryError('advisory.region_code_mismatch', `${code} is not a subdivision of ${country}`)
}

export async function getRegion(ctx: AppContext, country: string, key: string) {
  const [row] = await currentRegionRows(ctx.db, country, key)
  if (!row) throw advisoryError('advisory.region_not_found', `No advisory for region ${key} of ${country}`)
  const history = await regionHistoryRows(ctx.db, country, key)
  return {
    ...toRegionSummary(row),
    country: row.country,
    retired: row.retired,
    advice: row.advice as AdviceText,
    area: row.area ? (JSON.parse(row.area) as unknown) : null,
    history: history.map((h) => ({
      version: h.version ?? 0,
      level: h.level,
      retired: h.retired,
      summary: { 'zh-CN': h.summary_zh, en: h.summary_en },
      publishedAt: iso(h.published_at),
    })),
  }
}

function toRegionDraft(d: RegionRow) {
  return {
    country: d.country,
    id: d.region_key,
    code: subdivisionCode(d.region_key),
    name: { 'zh-CN': d.name_zh, en: d.name_en },
    level: d.level,
    summary: { 'zh-CN': d.summary_zh, en: d.summary_en },
    advice: d.advice as AdviceText,
    area: d.area ? (JSON.parse(d.area) as unknown) : null,
    draftedAt: iso(d.drafted_at),
    draftedBy: d.drafted_by,
  }
}

async function assertMayDraftRegion(ctx: AppContext, principal: Principal, country: string, key: string) {
  await assertCountry(ctx, country)
  assertKeyFits(country, key)
  await assertMayDraft(ctx, principal, country)
}

export async function getRegionDraft(ctx: AppContext, principal: Principal, country: string, key: string) {
  await assertMayDraftRegion(ctx, principal, country, key)
  const d = await regionDraftRow(ctx.db, country, key)
  if (!d) throw advisoryError('advisory.no_draft', `No draft for region ${key} of ${country}`)
  return toRegionDraft(d)
}

/** A drawn area must be valid and lie (at least partly) in the country. */
async function checkArea(ctx: AppContext, country: string, key: string, body: RegionDraftBody) {
  if (!body.area) {
    if (subdivisionCode(key)) return null
    throw advisoryError('advisory.region_area_required', 'A region named by a slug needs a drawn area')
  }
  const geojson = JSON.stringify(body.area)
  const problem = await areaProblem(ctx.db, geojson)
  if (problem) throw advisoryError('advisory.region_invalid_area', `The area is not valid: ${problem}`)
  if ((await areaInCountry(ctx.db, country, geojson)) === false)
    throw advisoryError('advisory.region_outside_country', `The area lies outside ${country}`)
  return geojson
}

export async function saveRegionDraft(
  ctx: AppContext,
  principal: Principal,
  country: string,
  key: string,
  body: RegionDraftBody,
) {
  await assertMayDraftRegion(ctx, principal, country, key)
  const areaGeoJson = await checkArea(ctx, country, key, body)
  await ctx.db.transaction().execute(async (trx) => {
    await upsertRegionDraft(trx, uuidv7(), {
      country,
      region_key: key,
      level: body.level,
      name_zh: body.name['zh-CN'],
      name_en: body.name.en,
      summary_zh: body.summary['zh-CN'],
      summary_en: body.summary.en,
      advice: JSON.stringify(body.advice ?? {}),
      areaGeoJson,
      drafted_by: principal.userId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'advisory.region_drafted',
      subjectType: 'region',
      subjectId: `${country}/${key}`,
      details: { level: body.level, area: areaGeoJson !== null },
    })
  })
  const d = await regionDraftRow(ctx.db, country, key)
  if (!d) throw new Error('region draft vanished')
  return toRegionDraft(d)
}

/** Makes the region's draft current and tells the country's subscribers and the people inside it. */
export async function publishRegionDraft(
  ctx: AppContext,
  principal: Principal,
  country: string,
  key: string,
) {
  await assertCountry(ctx, country)
  assertKeyFits(country, key)
  const notified = await ctx.db.transaction().execute(async (trx) => {
    await lockRegion(trx, country, key)
    const draft = await regionDraftRow(trx, country, key)
    if (!draft)
      throw advisoryError('advisory.no_draft', `No draft for region ${key} of ${country} to publish`)
    const version = await nextRegionVersion(trx, country, key)
    await markRegionPublished(trx, draft.id, version, principal.userId)
    const recipients = await notifyRegionChange(ctx, trx, draft, false)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'advisory.region_published',
      subjectType: 'region',
      subjectId: `${country}/${key}`,
      details: { version, level: draft.level, recipients },
    })
    return recipients
  })
  return { ...(await getRegion(ctx, country, key)), notified }
}

/** Lifts a region's advisory: a published change like any other, with its own notice. */
export async function retireRegion(ctx: AppContext, principal: Principal, country: string, key: string) {
  await assertCountry(ctx, country)
  assertKeyFits(country, key)
  const notified = await ctx.db.transaction().execute(async (trx) => {
    await lockRegion(trx, country, key)
    const [current] = await currentRegionRows(trx, country, key)
    if (!current || current.retired)
      throw advisoryError('advisory.region_not_found', `No advisory in force for region ${key} of ${country}`)
    const version = await nextRegionVersion(trx, country, key)
    await insertRetirement(trx, uuidv7(), current.id, version, principal.userId)
    const recipients = await notifyRegionChange(ctx, trx, current, true)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'advisory.region_retired',
      subjectType: 'region',
      subjectId: `${country}/${key}`,
      details: { version, recipients },
    })
    return recipients
  })
  return { ...(await getRegion(ctx, country, key)), notified }
}
