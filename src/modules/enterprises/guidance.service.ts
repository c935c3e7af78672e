import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'
import { notify } from '../notifications/index.ts'
import { countryNames, unknownCountries } from '../reference/index.ts'
import { accessOf } from './enterprise.service.ts'
import { enterpriseError } from './enterprises.errors.ts'
import {
  currentOf,
  draftOf,
  type GuidanceRow,
  membersWithSitesIn,
  publishDraftRow,
  saveDraftRow,
  siteCountriesOf,
  versionsOf,
} from './guidance.repository.ts'
import type { GuidanceBody, GuidanceVersion } from './guidance.schema.ts'

const iso = (d: Date | string) => new Date(d).toISOString()
const titleOf = (r: GuidanceRow) => ({ 'zh-CN': r.title_zh, en: r.title_en })
const bodyOf = (r: GuidanceRow) => ({ 'zh-CN': r.body_zh, en: r.body_en })

function toVersion(r: GuidanceRow): GuidanceVersion {
  return {
    country: r.country,
    version: r.version ?? 0,
    title: titleOf(r),
    body: bodyOf(r),
    publishedAt: iso(r.published_at ?? r.drafted_at),
  }
}

async function assertCountry(ctx: AppContext, country: string) {
  if ((await unknownCountries(ctx.db, [country])).length)
    throw enterpriseError('enterprise.unknown_country', `Unknown country ${country}`)
}

/** Officers write for their missions' countries (told so, as countries are public); duty officers for any. */
async function assertMayWrite(ctx: AppContext, principal: Principal, country: string) {
  await assertCountry(ctx, country)
  const scope = await visibleCountries(ctx.db, principal)
  if (scope && !scope.includes(country))
    throw enterpriseError('enterprise.guidance_out_of_scope', `Your missions do not cover ${country}`)
}

export async function countryGuidance(ctx: AppContext, country: string) {
  await assertCountry(ctx, country)
  const [current, ...earlier] = await versionsOf(ctx.db, country)
  return {
    country,
    current: current ? toVersion(current) : null,
    history: earlier.map((r) => ({
      version: r.version ?? 0,
      title: titleOf(r),
      publishedAt: iso(r.published_at ?? r.drafted_at),
    })),
  }
}

async function toDraft(ctx: AppContext, country: string) {
  const d = await draftOf(ctx.db, country)
  if (!d) throw enterpriseError('enterprise.guidance_no_draft', `No guidance draft for ${country}`)
  const [current] = await versionsOf(ctx.db, country, 1)
  return {
    country,
    title: titleOf(d),
    body: bodyOf(d),
    draftedAt: iso(d.drafted_at),
    basedOn: current?.version ?? null,
  }
}

export async function getGuidanceDraft(ctx: AppContext, principal: Principal, country: string) {
  await assertMayWrite(ctx, principal, country)
  return toDraft(ctx, country)
}

export async function saveGuidanceDraft(
  ctx: AppContext,
  principal: Principal,
  country: string,
  body: GuidanceBody,
  ip: string,
) {
  await assertMayWrite(ctx, principal, country)
  await ctx.db.transaction().execute(async (trx) => {
    await saveDraftRow(trx, uuidv7(), country, {
      title_zh: body.title['zh-CN'],
      title_en: body.title.en,
      body_zh: body.body['zh-CN'],
      body_en: body.body.en,
      drafted_by: principal.userId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.guidance_drafted',
      subjectType: 'country',
      subjectId: country,
      ip,
    })
  })
  return toDraft(ctx, country)
}

/**
 * The draft becomes the next version; the administrators and security officers of verified
 * enterprises with a site in the country are told (inbox and e-mail) in the same transaction.
 */
export async function publishGuidance(ctx: AppContext, principal: Principal, country: string, ip: string) {
  await assertCountry(ctx, country)
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const done = await publishDraftRow(trx, country, principal.userId)
    if (!done)
      throw enterpriseError('enterprise.guidance_no_draft', `No guidance draft for ${country} to publish`)
    const names = (await countryNames(trx, [country])).get(country) ?? { 'zh-CN': country, en: country }
    const [row] = await versionsOf(trx, country, 1)
    const sent = await notify(
      ctx,
      trx,
      {
        kind: 'enterprise.guidance',
        about: { type: 'country', id: country },
        title: {
          'zh-CN': `${names['zh-CN']}企业安全指引已更新（第${done.version}版）：${row?.title_zh ?? ''}`,
          en: `Security guidance for enterprises in ${names.en} updated (version ${done.version}): ${row?.title_en ?? ''}`,
        },
        body: {
          'zh-CN': `贵企业在${names['zh-CN']}有项目。请阅读更新后的安全指引，并据此调整安全措施。`,
          en: `Your enterprise has sites in ${names.en}. Read the updated guidance and adjust your security measures.`,
        },
        link: '/enterprise',
      },
      membersWithSitesIn(country),
    )
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.guidance_published',
      subjectType: 'country',
      subjectId: country,
      ip,
      details: { version: done.version, recipients: sent.recipients },
    })
    return sent.recipients
  })
  const { current } = await countryGuidance(ctx, country)
  if (!current) throw new Error('published guidance vanished')
  return { ...current, notified }
}

/** The current guidance of every country the enterprise has sites in. */
export async function guidanceForEnterprise(ctx: AppContext, principal: Principal, enterpriseId: string) {
  await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  const countries = await siteCountriesOf(ctx.db, enterpriseId)
  const current = new Map(
    (
      await currentOf(
        ctx.db,
        countries.map((c) => c.country),
      )
    ).map((r) => [r.country, toVersion(r)]),
  )
  return countries.map((c) => ({
    country: c.country,
    sites: c.sites,
    guidance: current.get(c.country) ?? null,
  }))
}
