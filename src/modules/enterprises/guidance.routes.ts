import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../../context.ts'
import { requirePrincipal } from '../../platform/http/access.ts'
import { routeOptions } from '../../platform/http/route-options.ts'
import { ACCESS } from '../identity/index.ts'
import { enterpriseParams } from './enterprise.schema.ts'
import {
  countryGuidance as countryGuidanceSchema,
  enterpriseGuidance,
  guidanceBody,
  guidanceDraft,
  guidanceParams,
  published,
} from './guidance.schema.ts'
import {
  countryGuidance,
  getGuidanceDraft,
  guidanceForEnterprise,
  publishGuidance,
  saveGuidanceDraft,
} from './guidance.service.ts'

/** Per-country security guidance for enterprises: drafted by officers, published by duty officers. */
export const guidanceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['enterprises']
  app.get(
    '/api/v1/enterprise-guidance/:country',
    routeOptions(ACCESS.signedIn, tags, "A country's security guidance for enterprises, and its versions", {
      params: guidanceParams,
      response: { 200: countryGuidanceSchema },
    }),
    async (request) => countryGuidance(ctx, request.params.country),
  )
  app.get(
    '/api/v1/enterprise-guidance/:country/draft',
    routeOptions(ACCESS.officers, tags, 'The draft waiting to be published', {
      params: guidanceParams,
      response: { 200: guidanceDraft },
    }),
    async (request) => getGuidanceDraft(ctx, requirePrincipal(request), request.params.country),
  )
  app.put(
    '/api/v1/enterprise-guidance/:country/draft',
    routeOptions(
      ACCESS.officers,
      tags,
      "Write the country's next guidance (officers: their missions' countries)",
      {
        params: guidanceParams,
        body: guidanceBody,
        response: { 200: guidanceDraft },
      },
    ),
    async (request) =>
      saveGuidanceDraft(ctx, requirePrincipal(request), request.params.country, request.body, request.ip),
  )
  app.post(
    '/api/v1/enterprise-guidance/:country/publish',
    routeOptions(
      ACCESS.dutyOfficers,
      tags,
      'Publish the draft as the next version; enterprises with sites there are told',
      { params: guidanceParams, response: { 200: published } },
    ),
    async (request) => publishGuidance(ctx, requirePrincipal(request), request.params.country, request.ip),
  )
  app.get(
    '/api/v1/enterprises/:id/guidance',
    routeOptions(
      ACCESS.enterpriseReaders,
      tags,
      'The current guidance of each country the enterprise has sites in',
      {
        params: enterpriseParams,
        response: { 200: enterpriseGuidance },
      },
    ),
    async (request) => guidanceForEnterprise(ctx, requirePrincipal(request), request.params.id),
  )
}
