import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { campaignRoutes } from './campaign.routes.ts'
import { certificatePdf, certificatePng } from './certificate.render.ts'
import { recordDose } from './dose.service.ts'
import {
  clinicianBody,
  clinicianParams,
  clinicianSite,
  doseBody,
  doseCreated,
  idParams,
  myCertificates as myCertificatesSchema,
  peopleFound,
  peopleQuery,
  recordCreated,
  recoveryBody,
  revocationList,
  revokeBody,
  revoked,
  siteList,
  testBody,
  trustEntryAdded,
  trustEntryBody,
  trustList as trustListSchema,
  verdictResponse,
  verifyBody,
} from './health.schema.ts'
import {
  assignClinicianSite,
  findPeopleForDose,
  myCertificate,
  myCertificates,
  revocations,
  revokeCertificate,
  sites,
} from './health.service.ts'
import { recordRecovery, recordTest } from './record.service.ts'
import { siteDayRoutes } from './site-day.routes.ts'
import { addTrustEntry, trustList } from './trust.service.ts'
import { verifyCertificate } from './verify.service.ts'

/** Lists every verifier may fetch and keep for a minute. */
const PUBLIC_LIST = 'public, max-age=60'

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['health']
  await app.register(campaignRoutes, { ctx })
  await app.register(siteDayRoutes, { ctx })

  app.get(
    '/api/v1/health/sites',
    routeOptions(ACCESS.programmeReaders, tags, 'Vaccination sites', { response: { 200: siteList } }),
    async () => sites(ctx),
  )
  app.put(
    '/api/v1/health/clinicians/:userId',
    routeOptions(ACCESS.admins, tags, 'Put a clinician at a vaccination site', {
      params: clinicianParams,
      body: clinicianBody,
      response: { 200: clinicianSite },
    }),
    async (request) =>
      assignClinicianSite(
        ctx,
        requirePrincipal(request),
        request.params.userId,
        request.body.siteId,
        request.ip,
      ),
  )
  app.get(
    '/api/v1/health/people',
    routeOptions(ACCESS.clinicians, tags, 'Find the person to vaccinate by passport number (audited)', {
      querystring: peopleQuery,
      response: { 200: peopleFound },
    }),
    async (request) => findPeopleForDose(ctx, requirePrincipal(request), request.query.passport, request.ip),
  )
  app.post(
    '/api/v1/health/doses',
    routeOptions(ACCESS.clinicians, tags, 'Record a dose at my site; it issues a certificate (dose n of m)', {
      body: doseBody,
      response: { 201: doseCreated },
    }),
    async (request, reply) =>
      reply.status(201).send(await recordDose(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.post(
    '/api/v1/health/tests',
    routeOptions(ACCESS.clinicians, tags, 'Record a negative test at my site; it issues a test certificate', {
      body: testBody,
      response: { 201: recordCreated },
    }),
    async (request, reply) =>
      reply.status(201).send(await recordTest(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.post(
    '/api/v1/health/recoveries',
    routeOptions(ACCESS.clinicians, tags, 'Record a recovery at my site; it issues a recovery certificate', {
      body: recoveryBody,
      response: { 201: recordCreated },
    }),
    async (request, reply) =>
      reply.status(201).send(await recordRecovery(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.get(
    '/api/v1/me/health/certificates',
    routeOptions(ACCESS.signedIn, tags, 'My health certificates with their QR text', {
      response: { 200: myCertificatesSchema },
    }),
    async (request) => myCertificates(ctx, requirePrincipal(request).userId),
  )
  app.get(
    '/api/v1/me/health/certificates/:id.png',
    routeOptions(ACCESS.signedIn, tags, 'The QR of one of my certificates (PNG)', { params: idParams }),
    async (request, reply) => {
      const c = await myCertificate(ctx, requirePrincipal(request).userId, request.params.id)
      return reply.type('image/png').send(await certificatePng(c.qr))
    },
  )
  app.get(
    '/api/v1/me/health/certificates/:id.pdf',
    routeOptions(ACCESS.signedIn, tags, 'One of my certificates, printable, in Chinese and English (PDF)', {
      params: idParams,
    }),
    async (request, reply) => {
      const c = await myCertificate(ctx, requirePrincipal(request).userId, request.params.id)
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="health-certificate-${c.id}.pdf"`)
        .send(await certificatePdf(ctx, c))
    },
  )
  app.post(
    '/api/v1/health/certificates/:id/revoke',
    routeOptions(ACCESS.admins, tags, 'Revoke a certificate, with a reason', {
      params: idParams,
      body: revokeBody,
      response: { 200: revoked },
    }),
    async (request) =>
      revokeCertificate(ctx, requirePrincipal(request), request.params.id, request.body.reason, request.ip),
  )
  app.get(
    '/api/v1/health/revocations',
    routeOptions('public', tags, 'Revoked certificates as DCC revocation batches (COUNTRYCODEUCI)', {
      response: { 200: revocationList },
    }),
    async (_request, reply) => reply.header('cache-control', PUBLIC_LIST).send(await revocations(ctx)),
  )
  app.get(
    '/api/v1/health/trust-list',
    routeOptions('public', tags, 'Signer certificates we trust, ours and imported, by kid', {
      response: { 200: trustListSchema },
    }),
    async (_request, reply) => reply.header('cache-control', PUBLIC_LIST).send(await trustList(ctx)),
  )
  app.post(
    '/api/v1/health/trust-list/entries',
    routeOptions(
      ACCESS.admins,
      tags,
      'Add a signer certificate (Base64 DER or PEM) with its country (201 new, 200 held)',
      { body: trustEntryBody, response: { 200: trustEntryAdded, 201: trustEntryAdded } },
    ),
    async (request, reply) => {
      const r = await addTrustEntry(ctx, requirePrincipal(request).userId, request.body)
      return reply.status(r.created ? 201 : 200).send({ kid: r.kid, country: r.country })
    },
  )
  app.post(
    '/api/v1/health/verify',
    {
      ...routeOptions(
        'public',
        tags,
        'Verify a health certificate (HC1: text) step by step, at a time (default now)',
        {
          body: verifyBody,
          response: { 200: verdictResponse },
        },
      ),
      // Public for partner systems, limited per address (RATE_LIMIT_VERIFY_PER_MINUTE).
      config: {
        access: 'public' as const,
        rateLimit: { max: ctx.config.rateLimits.verifyPerMinute, timeWindow: 60_000 },
      },
    },
    async (request) => verifyCertificate(ctx, request.body.qr, request.body.at),
  )
}
