import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { visibleCountries } from '../identity/index.ts'
import { notify } from '../notifications/index.ts'
import { countryNames } from '../reference/index.ts'
import { presenceSql } from '../registrations/index.ts'
import { advisoryError } from './advisories.errors.ts'
import type { DraftBody } from './advisories.schema.ts'
import type { AdviceText } from './advisories.table.ts'
import {
  currentRows,
  draftRow,
  historyRows,
  latestTwoVersions,
  markPublished,
  nextVersion,
  openDrafts,
  saveDraftRow,
} from './advisory.repository.ts'
import { assertCountry, assertMayDraft } from './advisory.scope.ts'
import { mailCountrySubscribers } from './email-subscription.service.ts'
import { levelInfo, NO_ADVISORY_SUMMARY, peerEquivalents } from './levels.ts'
import { listRegions } from './region.service.ts'

type CurrentRow = Awaited<ReturnType<typeof currentRows>>[number]

/** A country never published has no level: it is "no advisory published", never level 0. */
function toSummary(r: CurrentRow) {
  const level = r.level ?? null
  const updatedAt = r.published_at ? new Date(r.published_at).toISOString() : null
  return {
    country: r.code,
    name: { 'zh-CN': r.name_zh, en: r.name_en },
    level,
    label: level === null ? null : { ...levelInfo(level).label },
    peers: level === null ? null : peerEquivalents(level),
    summary:
      level !== null && r.summary_zh && r.summary_en
        ? { 'zh-CN': r.summary_zh, en: r.summary_en }
        : { ...NO_ADVISORY_SUMMARY },
    version: r.version ?? null,
    updatedAt,
    lastReviewed: updatedAt,
    maxRegionLevel: r.max_region_level,
  }
}

type VersionRow = Awaited<ReturnType<typeof latestTwoVersions>>[number]
const SECTIONS = ['safety', 'laws', 'health', 'entry', 'contacts'] as const

/** What the current version changed from the one before it: its level, summary and advice sections. */
export function adviceChange(current: VersionRow | undefined, previous: VersionRow | undefined) {
  if (!current) return null
  if (!previous) return { previousLevel: null, changed: ['level' as const] }
  const changed: Array<'level' | 'summary' | (typeof SECTIONS)[number]> = []
  if (current.level !== previous.level) changed.push('level')
  if (current.summary_zh !== previous.summary_zh || current.summary_en !== previous.summary_en)
    changed.push('summary')
  const section = (v: VersionRow, s: (typeof SECTIONS)[number]) =>
    JSON.stringify([v.advice?.['zh-CN']?.[s] ?? '', v.advice?.en?.[s] ?? ''])
  for (const s of SECTIONS) if (section(current, s) !== section(previous, s)) changed.push(s)
  return { previousLevel: previous.level, changed }
}

export async function listAdvisories(ctx: AppContext) {
  return (await currentRows(ctx.db)).map(toSummary)
}

export async function getAdvisory(ctx: AppContext, country: string) {
  const [row] = await currentRows(ctx.db, country)
  if (!row) throw advisoryError('reference.unknown_country', `Unknown country ${country}`)
  const history = await historyRows(ctx.db, country)
  const [current, previous] = await latestTwoVersions(ctx.db, country)
  return {
    ...toSummary(row),
    advice: (row.advice ?? {}) as AdviceText,
    change: adviceChange(current, previous),
    regions: await listRegions(ctx, country),
    history: history.map((h) => ({
      version: h.version ?? 0,
      level: h.level,
      summary: { 'zh-CN': h.summary_zh, en: h.summary_en },
      publishedAt: new Date(h.published_at ?? 0).toISOString(),
    })),
  }
}

/** What the caller may draft, and the drafts waiting there, for the console's list. */
export async function listDrafts(ctx: AppContext, principal: Principal) {
  const scope = await visibleCountries(ctx.db, principal)
  const rows = await openDrafts(ctx.db, scope)
  return {
    editable: scope ?? ('all' as const),
    drafts: rows.map((r) => ({
      country: r.country,
      level: r.level,
      draftedAt: new Date(r.drafted_at).toISOString(),
      draftedBy: r.drafted_by_name ?? null,
    })),
  }
}

function toDraft(d: NonNullable<Awaited<ReturnType<typeof draftRow>>>) {
  return {
    country: d.country,
    level: d.level,
    summary: { 'zh-CN': d.summary_zh, en: d.summary_en },
    advice: d.advice,
    draftedAt: new Date(d.drafted_at).toISOString(),
    draftedBy: d.drafted_by,
  }
}

export async function getDraft(ctx: AppContext, principal: Principal, country: string) {
  await assertCountry(ctx, country)
  await assertMayDraft(ctx, principal, country)
  const d = await draftRow(ctx.db, country)
  if (!d) throw advisoryError('advisory.no_draft', `No draft for ${country}`)
  return toDraft(d)
}

export async function saveDraft(ctx: AppContext, principal: Principal, country: string, body: DraftBody) {
  await assertCountry(ctx, country)
  await assertMayDraft(ctx, principal, country)
  const values = {
    level: body.level,
    summary_zh: body.summary['zh-CN'],
    summary_en: body.summary.en,
    advice: JSON.stringify(body.advice ?? {}),
    drafted_by: principal.userId,
  }
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await draftRow(trx, country)
    await saveDraftRow(trx, country, values, existing?.id)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'advisory.drafted',
      subjectType: 'country',
      subjectId: country,
      details: { level: body.level },
    })
  })
  const d = await draftRow(ctx.db, country)
  if (!d) throw new Error('draft vanished')
  return toDraft(d)
}

function changeMessage(country: string, names: Localized, level: number, summary: DraftBody['summary']) {
  const info = levelInfo(level)
  return {
    kind: 'advisory.published',
    about: { type: 'country', id: country },
    title: {
      'zh-CN': `${names['zh-CN']}旅行提醒更新：${info.label['zh-CN']}（${level}级）`,
      en: `${names.en} travel advisory updated: level ${level}, ${info.label.en}`,
    },
    body: { 'zh-CN': summary['zh-CN'], en: summary.en },
    link: `/advisories/${country}`,
  }
}

/** Makes the draft the current advisory and tells subscribers and everyone registered there. */
export async function publishDraft(ctx: AppContext, principal: Principal, country: string) {
  await assertCountry(ctx, country)
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const draft = await draftRow(trx, country)
    if (!draft) throw advisoryError('advisory.no_draft', `No draft for ${country} to publish`)
    const version = await nextVersion(trx, country)
    await markPublished(trx, draft.id, version, principal.userId)
    const names = (await countryNames(trx, [country])).get(country)
    if (!names) throw new Error(`country ${country} vanished`)
    const now = new Date()
    const window = { from: now, to: new Date(now.getTime() + 366 * 86_400_000) }
    const recipients = sql<{ user_id: string }>`
      select s.user_id from subscriptions s where s.country = ${country}
      union
      select p.user_id from (${presenceSql(window)}) p where p.country = ${country}`
    const message = changeMessage(country, names, draft.level, {
      'zh-CN': draft.summary_zh,
      en: draft.summary_en,
    })
    const sent = await notify(ctx, trx, message, recipients)
    await mailCountrySubscribers(ctx, trx, {
      ...message,
      about: `advisory:${country}:${version}`,
      countries: [country],
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'advisory.published',
      subjectType: 'country',
      subjectId: country,
      details: { version, level: draft.level, recipients: sent.recipients },
    })
    return sent.recipients
  })
  return { ...(await getAdvisory(ctx, country)), notified }
}
