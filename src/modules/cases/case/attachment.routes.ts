import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../../context.ts'
import { AppError } from '../../../platform/errors/app-error.ts'
import { requirePrincipal } from '../../../platform/http/access.ts'
import { attachmentDisposition } from '../../../platform/http/content-disposition.ts'
import { routeOptions } from '../../../platform/http/route-options.ts'
import { ACCESS } from '../../identity/index.ts'
import { casesError } from '../cases.errors.ts'
import { idParams } from '../common.schema.ts'
import {
  attachment,
  attachmentList,
  attachmentParams,
  removeAttachmentBody,
  uploadResponse,
} from './attachment.schema.ts'
import {
  type IncomingFile,
  listAttachments,
  openAttachment,
  removeAttachment,
  uploadAttachments,
} from './attachment.service.ts'

/** Files one upload may carry; more files mean more requests. */
export const MAX_FILES_PER_UPLOAD = 10

const MULTIPART_ERRORS: Record<string, () => AppError> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    casesError('attachment.not_multipart', 'Send the files as multipart/form-data'),
  FST_FILES_LIMIT: () =>
    casesError('attachment.too_many_files', `At most ${MAX_FILES_PER_UPLOAD} files per upload`, {
      maxFiles: MAX_FILES_PER_UPLOAD,
    }),
  FST_PARTS_LIMIT: () => casesError('attachment.too_many_parts', 'Too many parts in one upload'),
  FST_FIELDS_LIMIT: () => casesError('attachment.too_many_parts', 'Too many fields in one upload'),
}

/** The request's file parts; anything wrong with the multipart body itself is the caller's fault. */
async function* filesOf(request: FastifyRequest): AsyncGenerator<IncomingFile> {
  try {
    for await (const part of request.files()) {
      yield { name: part.filename, declaredType: part.mimetype, stream: part.file }
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    const known = MULTIPART_ERRORS[(err as { code?: string }).code ?? '']
    throw known ? known() : casesError('attachment.malformed', 'The multipart/form-data body is malformed')
  }
}

export const attachmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['cases']
  const { maxBytes } = ctx.config.attachments
  // One byte over the limit reaches the store, which refuses it with the problem callers expect.
  await app.register(multipart, {
    limits: {
      fileSize: maxBytes + 1,
      files: MAX_FILES_PER_UPLOAD,
      fields: 10,
      fieldSize: 1024,
      parts: MAX_FILES_PER_UPLOAD + 10,
      headerPairs: 50,
    },
  })

  // A refusal can come before the client has sent the whole body; without this the socket would
  // wait on bytes nobody reads. Closing it after the answer is cheaper than draining megabytes.
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('connection', 'close')
  })

  app.post(
    '/api/v1/cases/:id/attachments',
    routeOptions(
      ACCESS.hotline,
      tags,
      'Attach files (multipart/form-data, any field name): judged by content; all or none are kept',
      {
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: uploadResponse },
      },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await uploadAttachments(
            ctx,
            requirePrincipal(request),
            request.params.id,
            filesOf(request),
            request.ip,
          ),
        ),
  )

  app.get(
    '/api/v1/cases/:id/attachments',
    routeOptions(ACCESS.hotline, tags, "The case's files, removed ones included, and the limits (audited)", {
      params: idParams,
      response: { 200: attachmentList },
    }),
    async (request) => listAttachments(ctx, requirePrincipal(request), request.params.id, request.ip),
  )

  app.get(
    '/api/v1/cases/:id/attachments/:attachmentId',
    routeOptions(ACCESS.hotline, tags, 'Download a file (as an attachment, never shown inline; audited)', {
      params: attachmentParams,
    }),
    async (request, reply) => {
      const { id, attachmentId } = request.params
      const file = await openAttachment(ctx, requirePrincipal(request), id, attachmentId, request.ip)
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.stream)
    },
  )

  app.delete(
    '/api/v1/cases/:id/attachments/:attachmentId',
    routeOptions(ACCESS.hotline, tags, 'Remove a file with a reason: no longer served, kept for the record', {
      params: attachmentParams,
      body: removeAttachmentBody,
      response: { 200: attachment },
    }),
    async (request) => {
      const { id, attachmentId } = request.params
      return removeAttachment(ctx, requirePrincipal(request), id, attachmentId, request.body, request.ip)
    },
  )
}
