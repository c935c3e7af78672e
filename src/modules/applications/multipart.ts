import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { StagedBlob } from '../../platform/storage/blob-store.ts'
import { type IncomingFile, stageUpload } from './application.files.ts'
import { applicationsError } from './applications.errors.ts'

export const MULTIPART_LIMITS = {
  files: 1,
  fields: 4,
  fieldSize: 200,
  parts: 6,
  headerPairs: 50,
} as const

function multipartError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const code = (err as { code?: string }).code ?? ''
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return applicationsError('application.not_multipart', 'Send the file as multipart/form-data')
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return applicationsError('application.too_large', 'The file is too large')
  return applicationsError('application.malformed', 'The multipart/form-data body is malformed')
}

/** The one file part named `file`; any other part is refused. */
export async function singleFile<T>(
  request: FastifyRequest,
  use: (file: IncomingFile) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== 'file' || result) {
        if (part.type === 'file') part.file.resume()
        throw applicationsError('application.malformed', 'Send one part: the file, in the field named "file"')
      }
      result = { value: await use({ name: part.filename, stream: part.file }) }
    }
  } catch (err) {
    throw multipartError(err)
  }
  if (!result) throw applicationsError('application.file_missing', 'Send the file in the field named "file"')
  return result.value
}

/** The parts `file` and `kind`, in either order: the file is staged as it comes, judged after. */
export async function fileAndKind(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<{ blob: StagedBlob; name: string | undefined; kind: string | undefined }> {
  let blob: StagedBlob | undefined
  let name: string | undefined
  let kind: string | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !blob) {
        name = part.filename
        blob = await stageUpload(ctx, { name, stream: part.file }, ctx.config.attachments.maxBytes)
      } else if (part.type === 'field' && part.fieldname === 'kind' && kind === undefined) {
        kind = String(part.value)
      } else {
        if (part.type === 'file') part.file.resume()
        throw applicationsError('application.malformed', 'Send two parts: "file" and "kind"')
      }
    }
  } catch (err) {
    await blob?.discard()
    throw multipartError(err)
  }
  if (!blob) throw applicationsError('application.file_missing', 'Send the file in the field named "file"')
  return { blob, name, kind }
}
