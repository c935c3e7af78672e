import type { Readable } from 'node:stream'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { BlobTooLargeError, type StagedBlob } from '../../../platform/storage/blob-store.ts'
import { sniff } from '../../../platform/storage/sniff.ts'
import { scopeOf } from '../access.ts'
import { caseNotFound, casesError } from '../cases.errors.ts'
import type { AttachmentRow } from '../cases.table.ts'
import { loadRefs } from '../refs.ts'
import { ACCEPT, cleanFileName, judgeFile, storedFileName } from './attachment.policy.ts'
import {
  caseHoldings,
  findAttachmentRow,
  insertAttachment,
  listAttachmentRows,
  markRemoved,
} from './attachment.repository.ts'
import type { RemoveAttachmentBody } from './attachment.schema.ts'
import { attachmentUsers, toAttachment } from './attachment.view.ts'
import { findCaseRow } from './case.repository.ts'
import { addEvent } from './case-event.repository.ts'
import { recordResponse } from './response.ts'

/** One file part of an upload, as the HTTP layer hands it over. */
export interface IncomingFile {
  readonly name: string | undefined
  readonly declaredType: string
  readonly stream: Readable
}

interface Accepted {
  readonly blob: StagedBlob
  readonly name: string
  readonly mediaType: string
}

const mib = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`

async function visibleCase(ctx: AppContext, principal: Principal, caseId: string) {
  const c = await findCaseRow(ctx.db, scopeOf(principal), caseId)
  if (!c) throw caseNotFound()
  return c
}

async function stage(ctx: AppContext, file: IncomingFile): Promise<StagedBlob> {
  const max = ctx.config.attachments.maxBytes
  try {
    return await ctx.blobs.stage(file.stream, max)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (err instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE')
      throw casesError('attachment.too_large', `${file.name ?? 'A file'} is larger than ${mib(max)}`, {
        maxBytes: max,
      })
    // The upload broke off or was malformed: the request's fault, not the server's.
    if (file.stream.errored)
      throw casesError('attachment.upload_broken', 'The upload ended before the file was complete')
    throw err
  }
}

async function accept(ctx: AppContext, file: IncomingFile, staged: StagedBlob[]): Promise<Accepted> {
  const blob = await stage(ctx, file)
  staged.push(blob)
  const name = cleanFileName(file.name)
  const sniffed = blob.size > 0 ? await sniff(blob.read) : undefined
  const mediaType = judgeFile({ size: blob.size, sniffed, declaredType: file.declaredType, name })
  return { blob, name: storedFileName(name, mediaType), mediaType }
}

function checkCaseLimits(ctx: AppContext, held: { files: number; bytes: number }, adding: Accepted[]) {
  const { maxPerCase, maxCaseBytes } = ctx.config.attachments
  if (held.files + adding.length > maxPerCase)
    throw casesError('attachment.case_limit', `A case holds at most ${maxPerCase} files`, {
      maxFiles: maxPerCase,
    })
  const bytes = adding.reduce((sum, a) => sum + a.blob.size, 0)
  if (held.bytes + bytes > maxCaseBytes)
    throw casesError('attachment.case_limit', `A case holds at most ${mib(maxCaseBytes)} of files`, {
      maxCaseBytes,
    })
}

/**
 * Takes every file of an upload, or none: each is staged and judged by its content first; then
 * rows, timeline events and audit entries are written and the bytes committed in one transaction.
 * Whatever fails, staged bytes are dropped (committed content stays: another case may share it).
 */
export async function uploadAttachments(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  files: AsyncIterable<IncomingFile>,
  ip: string,
) {
  await visibleCase(ctx, principal, caseId)
  const staged: StagedBlob[] = []
  try {
    const accepted: Accepted[] = []
    for await (const file of files) accepted.push(await accept(ctx, file, staged))
    if (accepted.length === 0)
      throw casesError('attachment.none', 'Send one or more files as multipart/form-data')
    const rows = await ctx.db.transaction().execute(async (trx) => {
      const c = await findCaseRow(trx, scopeOf(principal), caseId, true)
      if (!c) throw caseNotFound()
      checkCaseLimits(ctx, await caseHoldings(trx, caseId), accepted)
      const now = new Date()
      const ids: string[] = []
      for (const a of accepted) {
        const id = uuidv7()
        ids.push(id)
        const facts = { attachmentId: id, name: a.name, size: a.blob.size, mediaType: a.mediaType }
        await insertAttachment(trx, {
          id,
          case_id: caseId,
          sha256: a.blob.sha256,
          size: a.blob.size,
          media_type: a.mediaType,
          file_name: a.name,
          uploaded_by: principal.userId,
          uploaded_at: now,
        })
        await addEvent(trx, {
          caseId,
          kind: 'attachment',
          actorId: principal.userId,
          at: now,
          details: facts,
        })
        await recordAudit(trx, {
          actorId: principal.userId,
          actorRoles: principal.roles,
          action: 'case.attachment_add',
          subjectType: 'case',
          subjectId: caseId,
          ip,
          details: { ...facts, sha256: a.blob.sha256 },
        })
      }
      await recordResponse(ctx, trx, c, now)
      // Last, so that a refusal above leaves no file behind; a failed commit rolls the rows back.
      for (const a of accepted) await a.blob.commit()
      return (await listAttachmentRows(trx, caseId)).filter((r) => ids.includes(r.id))
    })
    return { items: await present(ctx, rows) }
  } finally {
    await Promise.all(staged.map((b) => b.discard()))
  }
}

async function present(ctx: AppContext, rows: AttachmentRow[]) {
  const refs = await loadRefs(ctx.db, { users: attachmentUsers(rows) })
  return rows.map((r) => toAttachment(r, refs))
}

export async function listAttachments(ctx: AppContext, principal: Principal, caseId: string, ip: string) {
  const c = await visibleCase(ctx, principal, caseId)
  const rows = await listAttachmentRows(ctx.db, caseId)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'case.attachment_list',
    subjectType: 'case',
    subjectId: caseId,
    ip,
    details: { needToKnow: c.need_to_know, shown: rows.map((r) => r.id) },
  })
  const { maxBytes, maxPerCase, maxCaseBytes } = ctx.config.attachments
  return {
    items: await present(ctx, rows),
    limits: { maxBytes, maxFiles: maxPerCase, maxCaseBytes, accept: ACCEPT },
  }
}

/** The stored bytes of a file still on the case, for streaming; each download is audited. */
export async function openAttachment(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  attachmentId: string,
  ip: string,
) {
  const c = await visibleCase(ctx, principal, caseId)
  const row = await findAttachmentRow(ctx.db, caseId, attachmentId)
  if (!row) throw casesError('attachment.not_found', 'No such file on this case')
  if (row.deleted_at) throw casesError('attachment.removed', 'This file was removed from the case')
  const blob = await ctx.blobs.open(row.sha256)
  if (!blob) throw new Error(`attachment ${row.id}: content ${row.sha256} is missing from the store`)
  try {
    await recordAudit(ctx.db, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'case.attachment_download',
      subjectType: 'case',
      subjectId: caseId,
      ip,
      details: { attachmentId: row.id, name: row.file_name, needToKnow: c.need_to_know },
    })
  } catch (err) {
    blob.stream.destroy()
    throw err
  }
  return { stream: blob.stream, size: blob.size, mediaType: row.media_type, name: row.file_name }
}

/** Takes a file off the case with a reason; the row and the bytes stay for the record. */
export async function removeAttachment(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  attachmentId: string,
  body: RemoveAttachmentBody,
  ip: string,
) {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseRow(trx, scopeOf(principal), caseId, true)
    if (!c) throw caseNotFound()
    const found = await findAttachmentRow(trx, caseId, attachmentId)
    if (!found) throw casesError('attachment.not_found', 'No such file on this case')
    const now = new Date()
    const removed = await markRemoved(trx, found.id, principal.userId, body.reason, now)
    if (!removed) throw casesError('attachment.already_removed', 'This file was already removed')
    const facts = { attachmentId: found.id, name: found.file_name, size: Number(found.size) }
    await addEvent(trx, {
      caseId,
      kind: 'attachment_removed',
      actorId: principal.userId,
      at: now,
      note: body.reason,
      details: facts,
    })
    await recordResponse(ctx, trx, c, now)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'case.attachment_remove',
      subjectType: 'case',
      subjectId: caseId,
      ip,
      details: { ...facts, reason: body.reason },
    })
    return removed
  })
  return (await present(ctx, [row]))[0]
}
