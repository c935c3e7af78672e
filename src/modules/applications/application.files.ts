import type { Readable } from 'node:stream'
import sharp from 'sharp'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { BlobTooLargeError, type StagedBlob } from '../../platform/storage/blob-store.ts'
import { sniff } from '../../platform/storage/sniff.ts'
import { countUploads, insertUpload, updateApplication } from './application.repository.ts'
import { assertEditable, ownApplication } from './application.service.ts'
import { UPLOAD_KINDS, type UploadKind } from './applications.enums.ts'
import { applicationsError } from './applications.errors.ts'
import { serviceOfMission } from './catalogue.repository.ts'
import { blockingFailures, judgePhoto } from './photo.checks.ts'

/** One file part, as the HTTP layer hands it over. */
export interface IncomingFile {
  readonly name: string | undefined
  readonly stream: Readable
}

/** What an application's uploads may be, judged by their bytes. */
const UPLOAD_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'])
const MAX_UPLOADS = 20
const SIGNATURE_MAX_BYTES = 1_048_576

async function stage(ctx: AppContext, file: IncomingFile, max: number): Promise<StagedBlob> {
  try {
    return await ctx.blobs.stage(file.stream, max)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (err instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE')
      throw applicationsError('application.too_large', `The file is larger than ${max} bytes`, {
        maxBytes: max,
      })
    if (file.stream.errored)
      throw applicationsError('application.upload_broken', 'The upload ended before the file was complete')
    throw err
  }
}

async function bytesOf(blob: StagedBlob): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of blob.read() as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** Stages, runs `judge`, then writes with `save` and commits the bytes; any failure drops them. */
async function keep<T>(blob: StagedBlob, judge: () => Promise<void>, save: () => Promise<T>): Promise<T> {
  try {
    await judge()
    const out = await save()
    await blob.commit()
    return out
  } finally {
    await blob.discard()
  }
}

/**
 * The photo, judged by the same checks the app runs before upload; a blocking failure is
 * `422 photo.rejected` with every check, and nothing is kept.
 */
export async function uploadPhoto(ctx: AppContext, principal: Principal, id: string, file: IncomingFile) {
  const row = await ownApplication(ctx, principal.userId, id)
  assertEditable(row, ['photo'])
  const service = await serviceOfMission(ctx.db, row.mission_code, row.service)
  const limits = {
    minBytes: service?.photo_min_bytes ?? 10_240,
    maxBytes: service?.photo_max_bytes ?? 5_242_880,
  }
  const blob = await stage(ctx, file, Math.max(limits.maxBytes * 2, ctx.config.attachments.maxBytes))
  const checks = await judgePhoto(await bytesOf(blob), limits).catch(async (err) => {
    await blob.discard()
    throw err
  })
  return keep(
    blob,
    async () => {
      if (blockingFailures(checks).length)
        throw applicationsError(
          'photo.rejected',
          `The photo fails: ${blockingFailures(checks)
            .map((c) => c.code)
            .join(', ')}`,
          {
            checks,
          },
        )
    },
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const locked = await ownApplication(ctx, principal.userId, id, true, trx)
        assertEditable(locked, ['photo'])
        await updateApplication(trx, id, {
          photo_sha256: blob.sha256,
          photo_checks: JSON.stringify(checks),
          updated_at: new Date(),
        })
        return { checks }
      }),
  )
}

/** The signature drawn on the screen: a PNG of sensible size. */
export async function uploadSignature(ctx: AppContext, principal: Principal, id: string, file: IncomingFile) {
  const row = await ownApplication(ctx, principal.userId, id)
  assertEditable(row, ['signature'])
  const blob = await stage(ctx, file, SIGNATURE_MAX_BYTES)
  return keep(
    blob,
    async () => {
      const meta = await sharp(await bytesOf(blob))
        .metadata()
        .catch(() => undefined)
      if (meta?.format !== 'png' || (meta.width ?? 0) < 100 || (meta.height ?? 0) < 40)
        throw applicationsError(
          'signature.rejected',
          'The signature must be a PNG of at least 100 × 40 pixels',
        )
    },
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const locked = await ownApplication(ctx, principal.userId, id, true, trx)
        assertEditable(locked, ['signature'])
        await updateApplication(trx, id, { signature_sha256: blob.sha256, updated_at: new Date() })
        return { ok: true as const }
      }),
  )
}

export function uploadKind(value: string | undefined): UploadKind {
  if (!value || !(UPLOAD_KINDS as readonly string[]).includes(value))
    throw applicationsError('application.bad_kind', `kind must be one of ${UPLOAD_KINDS.join(', ')}`, {
      kinds: UPLOAD_KINDS,
    })
  return value as UploadKind
}

/** A supporting document of a kind the service lists, judged by its content (PDF, JPEG, PNG, HEIC). */
export async function uploadDocument(
  ctx: AppContext,
  principal: Principal,
  id: string,
  blob: StagedBlob,
  name: string | undefined,
  rawKind: string | undefined,
) {
  return keep(
    blob,
    async () => {
      const kind = uploadKind(rawKind)
      const row = await ownApplication(ctx, principal.userId, id)
      assertEditable(row, [kind])
      const found = blob.size > 0 ? await sniff(blob.read) : undefined
      if (!found || !UPLOAD_TYPES.has(found.mime))
        throw applicationsError('application.type_not_allowed', 'Upload a PDF, JPEG, PNG or HEIC file', {
          detectedType: found?.mime ?? null,
        })
    },
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const kind = uploadKind(rawKind)
        const locked = await ownApplication(ctx, principal.userId, id, true, trx)
        assertEditable(locked, [kind])
        if ((await countUploads(trx, id)) >= MAX_UPLOADS)
          throw applicationsError(
            'application.too_large',
            `An application holds at most ${MAX_UPLOADS} uploads`,
          )
        const found = await sniff(blob.read)
        const now = new Date()
        const upload = {
          id: uuidv7(),
          application_id: id,
          kind,
          sha256: blob.sha256,
          size: blob.size,
          media_type: found?.mime ?? 'application/octet-stream',
          file_name:
            (name ?? '').replace(/[\p{Cc}\p{Cf}\\/]/gu, '').slice(0, 200) || `${kind}.${found?.ext ?? 'bin'}`,
          uploaded_by: principal.userId,
          uploaded_at: now,
        }
        await insertUpload(trx, upload)
        await updateApplication(trx, id, { updated_at: now })
        return {
          id: upload.id,
          kind,
          name: upload.file_name,
          size: upload.size,
          mediaType: upload.media_type,
          uploadedAt: now.toISOString(),
        }
      }),
  )
}

export { stage as stageUpload }
