import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import {
  assessmentBody,
  assessmentDue as assessmentDueSchema,
  assessmentHistory as assessmentHistorySchema,
  assessmentResult,
  assessmentTemplate as assessmentTemplateSchema,
  templateQuery,
} from './assessment.schema.ts'
import {
  assessmentDueFor,
  assessmentHistory,
  assessmentTemplate,
  submitAssessment,
} from './assessment.service.ts'
import {
  enterprise,
  enterpriseList,
  enterpriseListQuery,
  enterpriseParams,
  memberBody,
  memberList,
  registerBody,
  registered,
  verified,
} from './enterprise.schema.ts'
import {
  addMember,
  getEnterprise,
  listEnterprises,
  listMembers,
  myEnterprises,
  registerEnterprise,
  verifyEnterprise,
} from './enterprise.service.ts'
import { guidanceRoutes } from './guidance.routes.ts'
import { incidentBody, incidentCreated } from './incident.schema.ts'
import { reportIncident } from './incident.service.ts'
import { planRoutes } from './plan.routes.ts'
import {
  site,
  siteBody,
  siteList,
  siteParams,
  sitesByCountry as sitesByCountrySchema,
  staffSiteList,
  staffSiteParams,
  staffSitesExportQuery,
  staffSitesQuery,
} from './site.schema.ts'
import { createSite, getSite, listSites, staffSite, staffSites, updateSite } from './site.service.ts'
import { exportStaffSites, sitesByCountry, staffSiteRoster } from './site-staff.service.ts'
import { staffRoutes } from './staff.routes.ts'
import { staffList } from './staff.schema.ts'

export const enterpriseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['enterprises']
  await app.register(staffRoutes, { ctx })
  await app.register(guidanceRoutes, { ctx })
  await app.register(planRoutes, { ctx })

  app.post(
    '/api/v1/enterprises',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Register an enterprise (credit code checked, GB 32100-2015); the caller becomes its administrator',
      { body: registerBody, response: { 201: registered } },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerEnterprise(ctx, requirePrincipal(request), request.body, request.ip)),
  )
  app.get(
    '/api/v1/enterprises',
    routeOptions(
      ACCESS.enterpriseVerifiers,
      tags,
      'Enterprises, newest first (e.g. the pending ones to verify)',
      {
        querystring: enterpriseListQuery,
        response: { 200: enterpriseList },
      },
    ),
    async (request) => listEnterprises(ctx, request.query.status),
  )
  app.get(
    '/api/v1/me/enterprises',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'The enterprises I am a member of, with my role', {
      response: { 200: enterpriseList },
    }),
    async (request) => myEnterprises(ctx, requirePrincipal(request)),
  )
  app.get(
    '/api/v1/enterprises/assessment/template',
    routeOptions(
      ACCESS.signedIn,
      tags,
      'The security self-assessment: sections, weighted questions, guidance',
      {
        querystring: templateQuery,
        response: { 200: assessmentTemplateSchema },
      },
    ),
    async (request) => assessmentTemplate(request.query.lang),
  )
  app.get(
    '/api/v1/enterprises/:id',
    routeOptions(ACCESS.enterpriseReaders, tags, 'One enterprise (its members, and the verifiers)', {
      params: enterpriseParams,
      response: { 200: enterprise },
    }),
    async (request) => getEnterprise(ctx, requirePrincipal(request), request.params.id),
  )
  app.post(
    '/api/v1/enterprises/:id/verify',
    routeOptions(
      ACCESS.enterpriseVerifiers,
      tags,
      'Verify an enterprise: missions see it and its sites from now on',
      {
        params: enterpriseParams,
        response: { 200: verified },
      },
    ),
    async (request) => verifyEnterprise(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
  app.get(
    '/api/v1/enterprises/:id/members',
    routeOptions(
      ACCESS.enterpriseReaders,
      tags,
      "The enterprise's members and their roles (a verifier's read is audited)",
      { params: enterpriseParams, response: { 200: memberList } },
    ),
    async (request) => listMembers(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
  app.post(
    '/api/v1/enterprises/:id/members',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Add an existing account as administrator or security officer (administrators only)',
      { params: enterpriseParams, body: memberBody, response: { 200: memberList } },
    ),
    async (request) => addMember(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
  )
  app.post(
    '/api/v1/enterprises/:id/sites',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Add a site abroad', {
      params: enterpriseParams,
      body: siteBody,
      response: { 201: site },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSite(ctx, requirePrincipal(request), request.params.id, request.body, request.ip)),
  )
  app.get(
    '/api/v1/enterprises/:id/sites',
    routeOptions(ACCESS.enterpriseReaders, tags, "The enterprise's sites with their advisory levels", {
      params: enterpriseParams,
      response: { 200: siteList },
    }),
    async (request) => listSites(ctx, requirePrincipal(request), request.params.id),
  )
  app.get(
    '/api/v1/enterprises/:id/sites/:siteId',
    routeOptions(ACCESS.enterpriseReaders, tags, 'One site with its advisory level', {
      params: siteParams,
      response: { 200: site },
    }),
    async (request) => getSite(ctx, requirePrincipal(request), request.params.id, request.params.siteId),
  )
  app.put(
    '/api/v1/enterprises/:id/sites/:siteId',
    routeOptions(ACCESS.enterpriseAccounts, tags, 'Change a site (the whole of it)', {
      params: siteParams,
      body: siteBody,
      response: { 200: site },
    }),
    async (request) =>
      updateSite(
        ctx,
        requirePrincipal(request),
        request.params.id,
        request.params.siteId,
        request.body,
        request.ip,
      ),
  )
  app.put(
    '/api/v1/enterprises/:id/assessment',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Submit the self-assessment: score 0–100, section scores, gaps with guidance (kept in the history)',
      { params: enterpriseParams, body: assessmentBody, response: { 200: assessmentResult } },
    ),
    async (request) =>
      submitAssessment(ctx, requirePrincipal(request), request.params.id, request.body.answers, request.ip),
  )
  app.get(
    '/api/v1/enterprises/:id/assessment/due',
    routeOptions(
      ACCESS.enterpriseReaders,
      tags,
      "Whether a new self-assessment is due: never made, a year old, or a site's advisory level rose",
      { params: enterpriseParams, response: { 200: assessmentDueSchema } },
    ),
    async (request) => assessmentDueFor(ctx, requirePrincipal(request), request.params.id),
  )
  app.get(
    '/api/v1/enterprises/:id/assessments',
    routeOptions(ACCESS.enterpriseReaders, tags, 'The self-assessments submitted, newest first', {
      params: enterpriseParams,
      response: { 200: assessmentHistorySchema },
    }),
    async (request) => assessmentHistory(ctx, requirePrincipal(request), request.params.id),
  )
  app.post(
    '/api/v1/enterprises/:id/incidents',
    routeOptions(
      ACCESS.enterpriseAccounts,
      tags,
      'Report an incident at a site: a hotline contact, and a case for severe kinds',
      { params: enterpriseParams, body: incidentBody, response: { 201: incidentCreated } },
    ),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reportIncident(ctx, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  )

  app.get(
    '/api/v1/sites',
    routeOptions(
      ACCESS.hotline,
      ['enterprises'],
      "Verified enterprises' sites in my missions' countries (audited)",
      {
        querystring: staffSitesQuery,
        response: { 200: staffSiteList },
      },
    ),
    async (request) => staffSites(ctx, requirePrincipal(request), request.query, request.ip),
  )
  app.get(
    '/api/v1/sites/export',
    routeOptions(
      ACCESS.hotline,
      tags,
      "Verified enterprises' sites in my missions' countries as CSV: head counts, levels, scores, training, contacts (audited)",
      { querystring: staffSitesExportQuery, produces: ['text/csv'] },
    ),
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sites.csv"')
        .send(await exportStaffSites(ctx, requirePrincipal(request), request.query.country, request.ip)),
  )
  app.get(
    '/api/v1/sites/by-country',
    routeOptions(
      ACCESS.hotline,
      tags,
      "Sites per country with the country's advisory level (HQ: every country)",
      {
        response: { 200: sitesByCountrySchema },
      },
    ),
    async (request) => sitesByCountry(ctx, requirePrincipal(request)),
  )
  app.get(
    '/api/v1/sites/:id/staff',
    routeOptions(
      ACCESS.hotline,
      tags,
      "A site's roster and training (another mission's site is a 404; audited)",
      {
        params: staffSiteParams,
        response: { 200: staffList },
      },
    ),
    async (request) => staffSiteRoster(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
  app.get(
    '/api/v1/sites/:id',
    routeOptions(ACCESS.hotline, ['enterprises'], 'One site (another mission’s is a 404; audited)', {
      params: staffSiteParams,
      response: { 200: site },
    }),
    async (request) => staffSite(ctx, requirePrincipal(request), request.params.id, request.ip),
  )
}
