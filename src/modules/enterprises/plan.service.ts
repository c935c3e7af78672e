import type { Readable } from 'node:stream'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { BlobTooLargeError, type StagedBlob } from '../../platform/storage/blob-store.ts'
import { sniff } from '../../platform/storage/sniff.ts'
import { accessOf, requireMember } from './enterprise.service.ts'
import { enterpriseError, siteNotFound } from './enterprises.errors.ts'
import { findSiteRow, planOf, setPlan } from './site.repository.ts'

/** A plan's file name as kept: printable, no path, ending in .pdf. */
function planName(raw: string | undefined): string {
  const base =
    (raw ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/[^\p{L}\p{N} ._()-]/gu, '')
      .trim() ?? ''
  const name = base.slice(0, 120) || 'evacuation-plan'
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`
}

async function ownSite(ctx: AppContext, enterpriseId: string, siteId: string) {
  const site = await findSiteRow(ctx.db, siteId)
  if (!site || site.enterprise_id !== enterpriseId) throw siteNotFound()
  return site
}

/**
 * The site's evacuation plan: a PDF judged by its content (the name and declared type are not
 * trusted), kept in the platform's file store by its hash; a new upload replaces the old one.
 */
export async function uploadPlan(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string },
  file: { stream: Readable; name: string | undefined },
  ip: string,
) {
  await requireMember(ctx.db, principal, ids.enterpriseId)
  await ownSite(ctx, ids.enterpriseId, ids.siteId)
  const max = ctx.config.attachments.maxBytes
  let blob: StagedBlob
  try {
    blob = await ctx.blobs.stage(file.stream, max)
  } catch (err) {
    if (err instanceof BlobTooLargeError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw enterpriseError('enterprise.plan_too_large', `The plan is larger than ${max} bytes`, {
        maxBytes: max,
      })
    throw err
  }
  try {
    const sniffed = blob.size > 0 ? await sniff(blob.read) : undefined
    if (sniffed?.mime !== 'application/pdf')
      throw enterpriseError('enterprise.plan_not_pdf', 'An evacuation plan must be a PDF file')
    const name = planName(file.name)
    await ctx.db.transaction().execute(async (trx) => {
      await setPlan(trx, ids.siteId, { sha256: blob.sha256, size: blob.size, name })
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'enterprise.plan_upload',
        subjectType: 'enterprise_site',
        subjectId: ids.siteId,
        ip,
        details: { sha256: blob.sha256, size: blob.size },
      })
      await blob.commit()
    })
  } finally {
    await blob.discard()
  }
  return { name: planName(file.name), size: blob.size }
}

export async function openPlan(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string },
) {
  await accessOf(ctx.db, principal, ids.enterpriseId, { staff: true })
  await ownSite(ctx, ids.enterpriseId, ids.siteId)
  const row = await planOf(ctx.db, ids.siteId)
  const stored = row?.plan_sha256 ? await ctx.blobs.open(row.plan_sha256) : undefined
  if (!row?.plan_sha256 || !stored)
    throw enterpriseError('enterprise.no_plan', 'This site has no evacuation plan')
  return { name: row.plan_name ?? 'evacuation-plan.pdf', size: stored.size, stream: stored.stream }
}
