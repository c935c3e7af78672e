import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { uploadDocument, uploadPhoto, uploadSignature } from './application.files.ts'
import {
  application,
  createBody,
  createdResponse,
  idParams,
  myApplications,
  okResponse,
  patchBody,
  photoResponse,
  submitResponse,
  uploadResponse,
} from './application.schema.ts'
import {
  createApplication,
  getOwnApplication,
  listMyApplications,
  ownReceipt,
  patchApplication,
  submitApplication,
  withdrawApplication,
} from './application.service.ts'
import { fileAndKind, MULTIPART_LIMITS, singleFile } from './multipart.ts'

/** The citizen's side: drafts, the form, the photo, signature and uploads, submission, tracking. */
export const myApplicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['applications']
  const access = ACCESS.citizens
  await app.register(multipart, {
    limits: { ...MULTIPART_LIMITS, fileSize: ctx.config.attachments.maxBytes + 1 },
  })
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('connection', 'close')
  })

  app.get(
    '/api/v1/me/applications',
    {
      config: { access },
      schema: { tags, summary: 'My applications, newest first', response: { 200: myApplications } },
    },
    async (request) => listMyApplications(ctx, requirePrincipal(request)),
  )
  app.post(
    '/api/v1/me/applications',
    routeOptions(
      access,
      tags,
      'Start an application (a draft) for myself or a family member; its reference never changes',
      {
        body: createBody,
        response: { 201: createdResponse },
      },
    ),
    async (request, reply) =>
      reply.status(201).send(await createApplication(ctx, requirePrincipal(request), request.body)),
  )
  app.get(
    '/api/v1/me/applications/:id',
    routeOptions(access, tags, 'One of my applications with its timeline', {
      params: idParams,
      response: { 200: application },
    }),
    async (request) => getOwnApplication(ctx, requirePrincipal(request), request.params.id),
  )
  app.patch(
    '/api/v1/me/applications/:id',
    routeOptions(
      access,
      tags,
      'Save fields of the form (a draft, or the flagged fields of a returned application)',
      {
        params: idParams,
        body: patchBody,
        response: { 200: application },
      },
    ),
    async (request) => patchApplication(ctx, requirePrincipal(request), request.params.id, request.body),
  )
  app.post(
    '/api/v1/me/applications/:id/photo',
    routeOptions(
      access,
      tags,
      'Upload the photo (multipart, field "file"): every check at once; a blocking failure keeps nothing',
      {
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: photoResponse },
      },
    ),
    async (request) =>
      singleFile(request, (file) => uploadPhoto(ctx, requirePrincipal(request), request.params.id, file)),
  )
  app.post(
    '/api/v1/me/applications/:id/signature',
    routeOptions(access, tags, 'Upload the signature drawn on screen (multipart, field "file", PNG)', {
      consumes: ['multipart/form-data'],
      params: idParams,
      response: { 200: okResponse },
    }),
    async (request) =>
      singleFile(request, (file) => uploadSignature(ctx, requirePrincipal(request), request.params.id, file)),
  )
  app.post(
    '/api/v1/me/applications/:id/uploads',
    routeOptions(
      access,
      tags,
      'Upload a supporting document (multipart "file" and "kind", either order), judged by content',
      {
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: uploadResponse },
      },
    ),
    async (request, reply) => {
      const { blob, name, kind } = await fileAndKind(ctx, request)
      const saved = await uploadDocument(ctx, requirePrincipal(request), request.params.id, blob, name, kind)
      return reply.status(201).send(saved)
    },
  )
  app.post(
    '/api/v1/me/applications/:id/submit',
    routeOptions(
      access,
      tags,
      'Submit (or resubmit after correction); anything missing is listed and nothing moves',
      {
        params: idParams,
        response: { 200: submitResponse },
      },
    ),
    async (request) => submitApplication(ctx, requirePrincipal(request), request.params.id),
  )
  app.get(
    '/api/v1/me/applications/:id/receipt.pdf',
    routeOptions(
      access,
      tags,
      'The acknowledgement of a submitted application (PDF, bilingual, QR of the reference)',
      {
        params: idParams,
      },
    ),
    async (request, reply) => {
      const { reference, pdf } = await ownReceipt(ctx, requirePrincipal(request), request.params.id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${reference}.pdf"`)
        .send(pdf)
    },
  )
  app.post(
    '/api/v1/me/applications/:id/withdraw',
    routeOptions(access, tags, 'Withdraw a submitted or returned application', {
      params: idParams,
      response: { 200: application },
    }),
    async (request) => withdrawApplication(ctx, requirePrincipal(request), request.params.id),
  )
}
